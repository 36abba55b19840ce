package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.EventBatch;
import dev.deliverytracker.application.port.QuarantinedBatch;
import dev.deliverytracker.application.port.in.BatchOutcome;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks.Replay;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks.Selection;
import dev.deliverytracker.application.port.in.ReplayRefusedEventBatches;
import dev.deliverytracker.application.port.out.CurrentCallbackUrl;
import dev.deliverytracker.application.port.out.RefusedEventBatches;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import java.util.List;
import java.util.Optional;

/**
 * Replays quarantined Event Streams batches through the same check and record as a batch arriving now.
 * Only the caller's own account is looked at, and a batch must verify with that account's current token
 * over the URL as it came and as today's public base URL spells it: a replay can recover genuine events,
 * never admit forged ones. Twilio itself retries a refused batch for four hours, so a token fixed within
 * them needs no replay; this is for the batches it gave up on.
 */
public final class ReplayRefusedEventBatchesService implements ReplayRefusedEventBatches {

    private static final System.Logger LOG = System.getLogger(ReplayRefusedEventBatchesService.class.getName());

    private final TwilioAccounts accounts;
    private final RefusedEventBatches quarantine;
    private final RecordStreamedEventsService recorder;
    private final CurrentCallbackUrl currentUrl;

    public ReplayRefusedEventBatchesService(TwilioAccounts accounts, RefusedEventBatches quarantine,
            RecordStreamedEventsService recorder, CurrentCallbackUrl currentUrl) {
        this.accounts = accounts;
        this.quarantine = quarantine;
        this.recorder = recorder;
        this.currentUrl = currentUrl;
    }

    @Override
    public List<QuarantinedBatch> list(Actor actor, Selection selection) {
        AccessPolicy.require(actor, selection.organization(), AccessPolicy.Need.READ, "organization");
        return accountOf(selection)
                .map(account -> quarantine.of(account.sid(), selection.from(), selection.to(), selection.limit()))
                .orElse(List.of());
    }

    @Override
    public Replay replay(Actor actor, Selection selection) {
        AccessPolicy.require(actor, selection.organization(), AccessPolicy.Need.MANAGE, "organization");
        Optional<TwilioAccount> account = accountOf(selection);
        List<QuarantinedBatch> selected = list(actor, selection);
        int recovered = 0;
        for (QuarantinedBatch kept : selected) {
            if (!kept.whole()) {
                continue;
            }
            EventBatch batch = kept.batch();
            String today = currentUrl.of(batch.url());
            EventBatch again = new EventBatch(batch.url(), today.equals(batch.url()) ? List.of() : List.of(today),
                    batch.body(), batch.signature(), batch.events(), batch.receivedAt(), batch.source());
            if (recorder.recordIfSignedBy(again, account.orElseThrow().sid()) instanceof BatchOutcome.Taken) {
                // Every event is durable now: recorded, a duplicate, unmatched, stored or kept as unread.
                quarantine.release(kept.id());
                recovered++;
            }
        }
        Replay replay = new Replay(selected.size(), recovered, selected.size() - recovered);
        LOG.log(System.Logger.Level.INFO, () -> "refused event batches replayed org=" + selection.organization() + " examined="
                + replay.examined() + " recovered=" + replay.recovered() + " stillRefused=" + replay.stillRefused());
        return replay;
    }

    private Optional<TwilioAccount> accountOf(Selection selection) {
        return accounts.findByOrganization(selection.organization());
    }
}
