package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.RecordDeliveryStatus;
import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.RecordOutcome.Refusal;
import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.RefusalBudget;
import dev.deliverytracker.application.port.out.RefusedCallbacks;
import dev.deliverytracker.application.port.out.RejectedCallbacks;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.SignatureVerifier;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryEvent;
import java.util.Optional;

/**
 * Verifies, reads and records a status callback. The order matters: the signature is checked on the
 * raw form before anything is read, so unsigned garbage is refused without being stored, while a
 * signed callback we cannot read is kept, because it came from Twilio and may carry a real status.
 */
public final class RecordDeliveryStatusService implements RecordDeliveryStatus {

    private final TwilioAccounts accounts;
    private final SignatureVerifier verifier;
    private final DeliveryLog log;
    private final RejectedCallbacks rejected;
    private final RefusedCallbacks quarantine;
    private final SignatureCheck signatureCheck;
    private final RefusalBudget refusalBudget;

    /** Whether callbacks must carry a valid Twilio signature; only a local trial turns it off. */
    public enum SignatureCheck { REQUIRED, DISABLED }

    public RecordDeliveryStatusService(TwilioAccounts accounts, SignatureVerifier verifier, DeliveryLog log,
            RejectedCallbacks rejected, RefusedCallbacks quarantine, SignatureCheck signatureCheck) {
        this(accounts, verifier, log, rejected, quarantine, signatureCheck, RefusalBudget.unlimited());
    }

    public RecordDeliveryStatusService(TwilioAccounts accounts, SignatureVerifier verifier, DeliveryLog log,
            RejectedCallbacks rejected, RefusedCallbacks quarantine, SignatureCheck signatureCheck,
            RefusalBudget refusalBudget) {
        this.refusalBudget = refusalBudget;
        this.quarantine = quarantine;
        this.accounts = accounts;
        this.verifier = verifier;
        this.log = log;
        this.rejected = rejected;
        this.signatureCheck = signatureCheck;
    }

    @Override
    public RecordOutcome record(StatusCallback callback) {
        RecordOutcome outcome = verifiedAndRecorded(callback);
        if (outcome instanceof RecordOutcome.Refused refused) {
            // Refused is not discarded: a wrong public URL or a rotated token must not lose statuses.
            // Only a source that keeps sending refused callbacks (a flood of forged posts) stops
            // filling the quarantine; a callback that verified never reaches this line.
            if (!refusalBudget.tryTake(callback.source())) {
                return refused.kept(false);
            }
            quarantine.keep(callback, refused.reason());
            return refused.kept(true);
        }
        return outcome;
    }

    /** Checks and records without touching the quarantine: a replay's own callbacks are already in it. */
    RecordOutcome verifiedAndRecorded(StatusCallback callback) {
        Optional<String> accountParameter = callback.first("AccountSid");
        if (accountParameter.isEmpty()) {
            return new RecordOutcome.Refused(Refusal.NO_ACCOUNT,
                    "AccountSid is missing, so no auth token can verify the signature");
        }
        AccountSid accountSid;
        try {
            accountSid = AccountSid.of(accountParameter.get());
        } catch (IllegalArgumentException invalid) {
            return new RecordOutcome.Refused(Refusal.NO_ACCOUNT, invalid.getMessage());
        }
        // Even unchecked, a callback must name an account we know: its organization decides whose
        // messages the event may touch.
        Optional<TwilioAccount> account = accounts.findBySid(accountSid);
        if (account.isEmpty()) {
            return new RecordOutcome.Refused(Refusal.UNKNOWN_ACCOUNT,
                    "no organization sends through account " + accountSid);
        }
        if (signatureCheck == SignatureCheck.REQUIRED) {
            Optional<RecordOutcome.Refused> refusal = refusal(callback, account.get());
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        DeliveryEvent event;
        MessageLookup lookup;
        try {
            event = CallbackReading.event(callback);
            lookup = CallbackReading.lookup(callback);
        } catch (IllegalArgumentException unreadable) {
            rejected.keep(callback, unreadable.getMessage());
            return new RecordOutcome.Rejected(unreadable.getMessage());
        }
        return log.append(new ReportedEvent(event, lookup, account.get().organization(), accountSid,
                callback.parameters(), callback.idempotencyToken(), account.get().adoption()));
    }

    private Optional<RecordOutcome.Refused> refusal(StatusCallback callback, TwilioAccount account) {
        AccountSid accountSid = account.sid();
        if (callback.signature().isBlank()) {
            return Optional.of(new RecordOutcome.Refused(Refusal.NO_SIGNATURE, "X-Twilio-Signature header is missing"));
        }
        if (!verifier.isSignedBy(account.authTokens(), callback.url(), callback.parameters(),
                callback.signature())) {
            return Optional.of(new RecordOutcome.Refused(Refusal.MISMATCH, "X-Twilio-Signature does not match " + callback.url()
                    + " with the auth token of account " + accountSid
                    + "; check the public base URL, the proxy's X-Forwarded headers and the auth token"));
        }
        return Optional.empty();
    }
}
