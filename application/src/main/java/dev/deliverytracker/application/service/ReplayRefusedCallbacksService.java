package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks;
import dev.deliverytracker.application.port.out.CurrentCallbackUrl;
import dev.deliverytracker.application.port.QuarantinedCallback;
import dev.deliverytracker.application.port.out.RefusedCallbacks;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import java.util.List;
import java.util.Optional;

/**
 * Replays quarantined callbacks through the same check and record as a callback arriving now. Only the
 * caller's own account is looked at, and a replayed callback must still verify with that account's
 * current token against today's URL: a replay can recover a genuine status, never admit a forged one.
 */
public final class ReplayRefusedCallbacksService implements ReplayRefusedCallbacks {

    private static final System.Logger LOG = System.getLogger(ReplayRefusedCallbacksService.class.getName());

    private final TwilioAccounts accounts;
    private final RefusedCallbacks quarantine;
    private final RecordDeliveryStatusService recorder;
    private final CurrentCallbackUrl currentUrl;

    public ReplayRefusedCallbacksService(TwilioAccounts accounts, RefusedCallbacks quarantine,
            RecordDeliveryStatusService recorder, CurrentCallbackUrl currentUrl) {
        this.accounts = accounts;
        this.quarantine = quarantine;
        this.recorder = recorder;
        this.currentUrl = currentUrl;
    }

    @Override
    public List<QuarantinedCallback> list(Actor actor, Selection selection) {
        AccessPolicy.require(actor, selection.organization(), AccessPolicy.Need.READ, "organization");
        return accountOf(selection)
                .map(account -> quarantine.of(account.sid(), selection.from(), selection.to(), selection.limit()))
                .orElse(List.of());
    }

    @Override
    public Replay replay(Actor actor, Selection selection) {
        AccessPolicy.require(actor, selection.organization(), AccessPolicy.Need.MANAGE, "organization");
        List<QuarantinedCallback> selected = list(actor, selection);
        int recovered = 0;
        for (QuarantinedCallback kept : selected) {
            RecordOutcome outcome = recorder.verifiedAndRecorded(
                    kept.callback().at(currentUrl.of(kept.callback().url())));
            if (outcome instanceof RecordOutcome.Refused) {
                continue;
            }
            // Recorded, a duplicate, unmatched or kept as unreadable: durable elsewhere now.
            quarantine.release(kept.id());
            recovered++;
        }
        Replay replay = new Replay(selected.size(), recovered, selected.size() - recovered);
        LOG.log(System.Logger.Level.INFO, () -> "refused callbacks replayed org=" + selection.organization() + " examined=" + replay.examined()
                + " recovered=" + replay.recovered() + " stillRefused=" + replay.stillRefused());
        return replay;
    }

    private Optional<TwilioAccount> accountOf(Selection selection) {
        return accounts.findByOrganization(selection.organization());
    }
}
