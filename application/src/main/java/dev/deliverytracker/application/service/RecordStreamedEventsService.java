package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.EventBatch;
import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.RecordOutcome.Refusal;
import dev.deliverytracker.application.port.StreamedEvent;
import dev.deliverytracker.application.port.in.BatchOutcome;
import dev.deliverytracker.application.port.in.BatchOutcome.EventOutcome;
import dev.deliverytracker.application.port.in.RecordStreamedEvents;
import dev.deliverytracker.application.port.out.BodySignatureVerifier;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.KeptStreamEvents;
import dev.deliverytracker.application.port.out.KeptStreamEvents.Disposition;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.RefusalBudget;
import dev.deliverytracker.application.port.out.RefusedEventBatches;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.application.service.RecordDeliveryStatusService.SignatureCheck;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.InboundMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Verifies and records a batch of Twilio Event Streams events. The batch is signed as a whole with the
 * auth token of the account whose sink it is; the token is found through the accounts the events name.
 * Message status events go to the same {@link DeliveryLog} as status callbacks, read into the same
 * event, so a status that comes by both feeds is one row. Inbound messages are stored once each: they
 * open the WhatsApp customer service window. An event the tracker cannot read, or a type
 * it does not read, is kept and never makes Twilio send the batch again; only a store that cannot take
 * an event does (the caller answers 5xx, and what was recorded is absorbed as duplicates next time).
 *
 * <p>The events of a batch are appended concurrently on {@code appends}, so that the delivery log's
 * group commit writes them in one transaction instead of one commit after the other, within the five
 * seconds Twilio waits.
 */
public final class RecordStreamedEventsService implements RecordStreamedEvents {

    /** The query parameter of the sink URL that names the account whose sink it is. */
    public static final String SINK_ACCOUNT_PARAMETER = "account";

    private final TwilioAccounts accounts;
    private final BodySignatureVerifier verifier;
    private final DeliveryLog log;
    private final KeptStreamEvents kept;
    private final InboundMessages inbound;
    private final RefusedEventBatches quarantine;
    private final RefusalBudget refusalBudget;
    private final SignatureCheck signatureCheck;
    private final Executor appends;

    public RecordStreamedEventsService(TwilioAccounts accounts, BodySignatureVerifier verifier, DeliveryLog log,
            KeptStreamEvents kept, InboundMessages inbound, RefusedEventBatches quarantine,
            RefusalBudget refusalBudget,
            SignatureCheck signatureCheck, Executor appends) {
        this.inbound = inbound;
        this.accounts = accounts;
        this.verifier = verifier;
        this.log = log;
        this.kept = kept;
        this.quarantine = quarantine;
        this.refusalBudget = refusalBudget;
        this.signatureCheck = signatureCheck;
        this.appends = appends;
    }

    @Override
    public BatchOutcome record(EventBatch batch) {
        Verification verification = verify(batch);
        if (verification instanceof Verification.Failed failed) {
            RecordOutcome.Refused refused = failed.refusal();
            if (!refusalBudget.tryTake(batch.source())) {
                return new BatchOutcome.Refused(refused.kept(false));
            }
            quarantine.keep(batch, refused.reason());
            return new BatchOutcome.Refused(refused.kept(true));
        }
        return take(batch, ((Verification.Signed) verification).account());
    }

    /**
     * A batch kept in quarantine, checked again: recorded as if it had just arrived when the account's
     * current token verifies it and that account is {@code owner}, refused otherwise, and never kept again
     * (it is kept already).
     */
    BatchOutcome recordIfSignedBy(EventBatch batch, AccountSid owner) {
        Verification verification = verify(batch);
        if (verification instanceof Verification.Failed failed) {
            return new BatchOutcome.Refused(failed.refusal().kept(true));
        }
        TwilioAccount signer = ((Verification.Signed) verification).account();
        if (!signer.sid().equals(owner)) {
            return new BatchOutcome.Refused(new RecordOutcome.Refused(Refusal.UNKNOWN_ACCOUNT,
                    "signed by another organization's account").kept(true));
        }
        return take(batch, signer);
    }

    private BatchOutcome take(EventBatch batch, TwilioAccount signer) {
        List<Supplier<EventOutcome>> work = new ArrayList<>();
        for (StreamedEvent event : batch.events()) {
            work.add(outcomeOf(event, signer, batch));
        }
        return new BatchOutcome.Taken(all(work));
    }

    private Supplier<EventOutcome> outcomeOf(StreamedEvent event, TwilioAccount signer, EventBatch batch) {
        if (event.isInboundMessage()) {
            return inboundOutcome(event, signer, batch);
        }
        if (!event.isMessageStatus()) {
            return () -> {
                kept.keep(signer.organization(), signer.sid(), event, Disposition.UNHANDLED_TYPE,
                        "type not read by the tracker", batch.receivedAt());
                return new BatchOutcome.Unhandled(event.id(), event.type());
            };
        }
        DeliveryEvent reported;
        try {
            requireSignerNamed(event, signer);
            reported = StreamedEventReading.statusEvent(event, batch.receivedAt());
        } catch (IllegalArgumentException unreadable) {
            return () -> {
                kept.keep(signer.organization(), signer.sid(), event, Disposition.UNREADABLE,
                        unreadable.getMessage(), batch.receivedAt());
                return new BatchOutcome.Rejected(event.id(), event.type(), unreadable.getMessage());
            };
        }
        // Not adopted, whatever the organization's policy: a stream carries no id of ours, so a status of one
        // of our own sends that outruns Twilio's answer would be taken for another application's message.
        // Kept unmatched, it is attached when the send's answer stores the SID.
        ReportedEvent entry = new ReportedEvent(reported, MessageLookup.bySid(), signer.organization(), signer.sid(),
                StreamedEventReading.payload(event), event.id(), AdoptionPolicy.KEEP_UNMATCHED);
        return () -> new BatchOutcome.StatusRecorded(event.id(), event.type(), log.append(entry));
    }

    private Supplier<EventOutcome> inboundOutcome(StreamedEvent event, TwilioAccount signer, EventBatch batch) {
        InboundMessage message;
        try {
            requireSignerNamed(event, signer);
            message = StreamedEventReading.inboundMessage(event, signer.organization(), batch.receivedAt());
        } catch (IllegalArgumentException unreadable) {
            return () -> {
                kept.keep(signer.organization(), signer.sid(), event, Disposition.UNREADABLE,
                        unreadable.getMessage(), batch.receivedAt());
                return new BatchOutcome.Rejected(event.id(), event.type(), unreadable.getMessage());
            };
        }
        return () -> new BatchOutcome.InboundRecorded(event.id(), event.type(), inbound.add(message));
    }

    /**
     * An event only ever touches the messages of the account that signed its batch: one naming another
     * account (a subaccount's, say) is kept unread rather than recorded under the wrong organization.
     */
    private static void requireSignerNamed(StreamedEvent event, TwilioAccount signer) {
        String named = event.field("accountSid")
                .orElseThrow(() -> new IllegalArgumentException("data.accountSid is required"));
        if (!named.equals(signer.sid().value())) {
            throw new IllegalArgumentException("data.accountSid names another account than the one whose token "
                    + "signed the batch (" + signer.sid() + ")");
        }
    }

    /** Runs every event's step, concurrently, and answers once all are done; the first failure is thrown. */
    private List<EventOutcome> all(List<Supplier<EventOutcome>> work) {
        if (work.size() == 1) {
            return List.of(work.get(0).get());
        }
        List<CompletableFuture<EventOutcome>> running = work.stream()
                .map(step -> CompletableFuture.supplyAsync(step, appends)).toList();
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
        return running.stream().map(CompletableFuture::join).toList();
    }

    private Verification verify(EventBatch batch) {
        Set<String> named = new LinkedHashSet<>();
        batch.events().forEach(event -> event.field("accountSid").ifPresent(named::add));
        // The sink's destination may name its account ("?account=AC..."): the URL is signed, and Twilio's
        // test event, sent to validate a new sink, names no account of its own.
        batch.queryParameter(SINK_ACCOUNT_PARAMETER).ifPresent(named::add);
        if (named.isEmpty()) {
            return Verification.failed(Refusal.NO_ACCOUNT,
                    "no event of the batch names an accountSid, nor does the URL (?account=AC...), so no auth token "
                            + "can verify the signature");
        }
        List<TwilioAccount> known = new ArrayList<>();
        for (String sid : named) {
            accountOf(sid).ifPresent(known::add);
        }
        if (known.isEmpty()) {
            return Verification.failed(Refusal.UNKNOWN_ACCOUNT,
                    "no organization sends through the account(s) the batch names: " + String.join(", ", shown(named)));
        }
        if (signatureCheck == SignatureCheck.DISABLED) {
            return new Verification.Signed(known.get(0));
        }
        if (batch.signature().isBlank()) {
            return Verification.failed(Refusal.NO_SIGNATURE, "X-Twilio-Signature header is missing");
        }
        for (TwilioAccount account : known) {
            for (String url : batch.signedUrlCandidates()) {
                if (verifier.isSignedBy(account.authTokens(), url, batch.body(), batch.signature())) {
                    return new Verification.Signed(account);
                }
            }
        }
        return Verification.failed(Refusal.MISMATCH, "X-Twilio-Signature does not match " + batch.url()
                + " and the body's SHA-256 with the auth token of account " + known.get(0).sid()
                + "; check the public base URL, the proxy's X-Forwarded headers, the auth token, and that the body "
                + "was not changed on the way");
    }

    private Optional<TwilioAccount> accountOf(String sid) {
        try {
            return accounts.findBySid(AccountSid.of(sid));
        } catch (IllegalArgumentException notAnAccount) {
            return Optional.empty();
        }
    }

    private static List<String> shown(Set<String> sids) {
        return sids.stream().limit(3).map(sid -> sid.length() > 40 ? sid.substring(0, 40) + "…" : sid).toList();
    }

    private sealed interface Verification {

        record Signed(TwilioAccount account) implements Verification {
        }

        record Failed(RecordOutcome.Refused refusal) implements Verification {
        }

        static Verification failed(Refusal cause, String reason) {
            return new Failed(new RecordOutcome.Refused(cause, reason));
        }
    }
}
