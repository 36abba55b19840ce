package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.ReconcileMessages;
import dev.deliverytracker.application.port.in.ReconcileRun;
import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.PollResult;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.StaleMessage;
import dev.deliverytracker.application.port.out.StaleMessages;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Polls Twilio for messages that stayed non-terminal longer than their status allows. What Twilio
 * answers is appended to the delivery log as an event of source {@code poll}, so the status rule and
 * the dedupe key apply exactly as for a callback: a poll that repeats what a callback said is a
 * duplicate, a poll never moves a status backwards.
 *
 * <p>Rate: fetches are paced to {@link ReconcilePolicy#fetchesPerSecond()}; a 429 ends the run, and
 * the next run starts over. Giving up: a message polled after its horizon that is still not final is
 * marked unconfirmed (its status stays what we last knew; nothing is guessed).
 */
public final class ReconcileMessagesService implements ReconcileMessages {

    private static final System.Logger LOG = System.getLogger(ReconcileMessagesService.class.getName());

    private final StaleMessages stale;
    private final PacedFetches fetches;
    private final TwilioAccounts accounts;
    private final DeliveryLog log;
    private final Clock clock;
    private final ReconcilePolicy policy;

    public ReconcileMessagesService(StaleMessages stale, MessageGateway gateway, TwilioAccounts accounts,
            DeliveryLog log, Clock clock, ReconcilePolicy policy, Pause pause) {
        this.stale = stale;
        this.fetches = new PacedFetches(gateway, policy, pause);
        this.accounts = accounts;
        this.log = log;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public ReconcileRun reconcileStale() {
        if (policy.ages().isEmpty()) {
            return new ReconcileRun(0, 0, 0, 0, 0, false);
        }
        Instant now = clock.instant();
        Map<DeliveryStatus, Instant> unchangedSince = new EnumMap<>(DeliveryStatus.class);
        policy.ages().forEach((status, age) -> unchangedSince.put(status, now.minus(age)));
        List<StaleMessage> candidates = stale.find(unchangedSince, now.minus(policy.pollInterval()),
                policy.batchSize());
        int polled = 0;
        int changed = 0;
        int unconfirmed = 0;
        int failed = 0;
        boolean rateLimited = false;
        boolean first = true;
        for (StaleMessage message : candidates) {
            Optional<TwilioAccount> account = accounts.findByOrganization(message.organization());
            if (account.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, () -> "reconcile skipped id=" + message.id() + " org=" + message.organization()
                        + ": the organization has no Twilio account");
                failed++;
                continue;
            }
            if (!first && !fetches.waitTurn()) {
                break;
            }
            first = false;
            PollResult result = fetches.fetch(account.get().sid(), message.sid());
            Instant at = clock.instant();
            if (result instanceof PollResult.RateLimited) {
                LOG.log(System.Logger.Level.WARNING, () -> "reconcile stopped: Twilio answered 429 at sid=" + message.sid()
                        + "; the next run goes on");
                rateLimited = true;
                break;
            }
            stale.markPolled(message.id(), at);
            if (result instanceof PollResult.Failed failure) {
                LOG.log(System.Logger.Level.WARNING, () -> "reconcile fetch failed id=" + message.id() + " sid=" + message.sid() + ": "
                        + failure.reason());
                failed++;
                continue;
            }
            polled++;
            DeliveryStatus current = message.status();
            if (result instanceof PollResult.Found found) {
                RecordOutcome outcome = log.append(new ReportedEvent(
                        new DeliveryEvent(message.sid(), found.reportedStatus(), found.error(), EventSource.POLL, at),
                        MessageLookup.byId(message.id()), message.organization(), account.get().sid(),
                        payload(message, found), ""));
                if (outcome instanceof RecordOutcome.Recorded recorded && recorded.current() != message.status()) {
                    current = recorded.current();
                    changed++;
                    DeliveryStatus to = current;
                    LOG.log(System.Logger.Level.INFO, () -> "reconciled id=" + message.id() + " sid=" + message.sid() + " from="
                            + message.status().wireName() + " to=" + to.wireName());
                }
            } else {
                LOG.log(System.Logger.Level.WARNING, () -> "reconcile: Twilio does not know id=" + message.id() + " sid=" + message.sid());
            }
            if (policy.reconciles(current) && !at.isBefore(message.createdAt().plus(policy.horizon()))) {
                stale.markUnconfirmed(message.id(), at);
                unconfirmed++;
                DeliveryStatus last = current;
                LOG.log(System.Logger.Level.WARNING, () -> "unconfirmed id=" + message.id() + " sid=" + message.sid() + " status="
                        + last.wireName() + ": still not final " + policy.horizon() + " after creation, no longer polled");
            }
        }
        ReconcileRun run = new ReconcileRun(candidates.size(), polled, changed, unconfirmed, failed, rateLimited);
        if (!candidates.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, () -> "reconcile run candidates=" + run.candidates() + " polled=" + run.polled() + " changed="
                    + run.changed() + " unconfirmed=" + run.unconfirmed() + " failed=" + run.failed()
                    + " rateLimited=" + run.rateLimited());
        }
        return run;
    }

    /** What the log keeps as the poll's payload: Twilio's answer in the callback's parameter names. */
    private static Map<String, List<String>> payload(StaleMessage message, PollResult.Found found) {
        Map<String, List<String>> payload = new LinkedHashMap<>();
        payload.put("MessageSid", List.of(message.sid().value()));
        payload.put("MessageStatus", List.of(found.reportedStatus()));
        if (found.error().isPresent()) {
            payload.put("ErrorCode", List.of(Integer.toString(found.error().code())));
            payload.put("ErrorMessage", List.of(found.error().message()));
        }
        return payload;
    }
}
