package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.ChargeRun;
import dev.deliverytracker.application.port.in.CollectCharges;
import dev.deliverytracker.application.port.in.ReconcileRun;
import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.PollResult;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.application.port.out.UnpricedMessage;
import dev.deliverytracker.application.port.out.MessageCharges;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Asks the provider for the price and segments of final messages, within what the reconciler's run
 * left of its budget and at its pace. A 429 from either stops both until the next run. An answer
 * without a price is kept (segments and text may already be there) and asked again after
 * {@link ChargePolicy#askEvery()}, until {@link ChargePolicy#horizon()}.
 */
public final class CollectChargesService implements CollectCharges {

    private static final System.Logger LOG = System.getLogger(CollectChargesService.class.getName());

    private final MessageCharges unpriced;
    private final PacedFetches fetches;
    private final TwilioAccounts accounts;
    private final Clock clock;
    private final ReconcilePolicy budget;
    private final ChargePolicy policy;

    public CollectChargesService(MessageCharges unpriced, MessageGateway gateway, TwilioAccounts accounts,
            Clock clock, ReconcilePolicy budget, ChargePolicy policy, Pause pause) {
        this.unpriced = unpriced;
        this.fetches = new PacedFetches(gateway, budget, pause);
        this.accounts = accounts;
        this.clock = clock;
        this.budget = budget;
        this.policy = policy;
    }

    @Override
    public ChargeRun collectAfter(ReconcileRun reconcile) {
        int left = budget.batchSize() - reconcile.candidates();
        if (reconcile.rateLimited() || left <= 0) {
            return ChargeRun.NOTHING;
        }
        Instant now = clock.instant();
        List<UnpricedMessage> candidates = unpriced.findUnpriced(now.minus(policy.settleAfter()), now.minus(policy.horizon()),
                now.minus(policy.askEvery()), left);
        boolean pauseFirst = reconcile.polled() + reconcile.failed() > 0;
        int priced = 0;
        int notYet = 0;
        int failed = 0;
        boolean rateLimited = false;
        for (UnpricedMessage message : candidates) {
            Optional<TwilioAccount> account = accounts.findByOrganization(message.organization());
            if (account.isEmpty()) {
                // Asked again after the wait like any failure, not first in line at every run.
                unpriced.record(message.id(), MessageFacts.NONE, clock.instant());
                failed++;
                continue;
            }
            if (pauseFirst && !fetches.waitTurn()) {
                break;
            }
            pauseFirst = true;
            PollResult result = fetches.fetch(account.get().sid(), message.sid());
            if (result instanceof PollResult.RateLimited) {
                LOG.log(System.Logger.Level.WARNING, () -> "charges stopped: Twilio answered 429 at sid=" + message.sid()
                        + "; the next run goes on");
                rateLimited = true;
                break;
            }
            if (result instanceof PollResult.Found found) {
                unpriced.record(message.id(), found.facts(), clock.instant());
                if (found.facts().priced()) {
                    priced++;
                } else {
                    notYet++;
                }
            } else {
                // Not found or failed: asked again after the wait, like an answer without a price.
                unpriced.record(message.id(), MessageFacts.NONE, clock.instant());
                failed++;
            }
        }
        ChargeRun run = new ChargeRun(candidates.size(), priced, notYet, failed, rateLimited);
        if (!candidates.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, () -> "charges run candidates=" + run.candidates() + " priced=" + run.priced() + " unpriced="
                    + run.unpriced() + " failed=" + run.failed() + " rateLimited=" + run.rateLimited());
        }
        return run;
    }
}
