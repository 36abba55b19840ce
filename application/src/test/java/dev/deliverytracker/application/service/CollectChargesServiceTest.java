package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.InMemoryTwilioAccounts;
import dev.deliverytracker.application.fake.InMemoryMessageCharges;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.fake.ScriptedMessageGateway;
import dev.deliverytracker.application.port.in.ChargeRun;
import dev.deliverytracker.application.port.in.ReconcileRun;
import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.application.port.out.PollResult;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Charge;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectChargesServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final ReconcileRun NOTHING_RECONCILED = new ReconcileRun(0, 0, 0, 0, 0, false);

    private final MovableClock clock = new MovableClock(T0);
    private final InMemoryMessageCharges unpriced = new InMemoryMessageCharges();
    private final InMemoryTwilioAccounts accounts = new InMemoryTwilioAccounts();
    private final ScriptedMessageGateway twilio = new ScriptedMessageGateway();
    private final AccountSid account = DeliveryStoreContract.randomAccount();
    private final OrganizationId org = accounts.ensure("acme", new TwilioAccountCredentials(account, "token", ""));
    private final List<Duration> pauses = new ArrayList<>();
    private final ReconcilePolicy budget = new ReconcilePolicy(Map.of(), Duration.ofHours(1), 3, 10,
            Duration.ofHours(72));
    private final ChargePolicy policy = new ChargePolicy(Duration.ofMinutes(2), Duration.ofMinutes(15),
            Duration.ofDays(1));
    private final CollectChargesService charges = new CollectChargesService(unpriced, twilio, accounts, clock, budget,
            policy, pauses::add);

    private static PollResult.Found delivered(MessageFacts facts) {
        return new PollResult.Found("delivered", DeliveryError.NONE, facts);
    }

    @Test
    void a_final_message_is_asked_about_once_it_settled_and_its_price_is_kept() {
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = unpriced.finished(org, sid, T0, null);
        Charge charge = Charge.fromProvider("-0.01580", "USD");
        twilio.fetchAnswers(sid, delivered(new MessageFacts(2, charge, "Your order shipped")));

        clock.advance(Duration.ofMinutes(1));
        ChargeRun early = charges.collectAfter(NOTHING_RECONCILED);
        clock.advance(Duration.ofMinutes(2));
        ChargeRun settled = charges.collectAfter(NOTHING_RECONCILED);

        assertThat(early).as("not asked before the price can be there").isEqualTo(ChargeRun.NOTHING);
        assertThat(settled).isEqualTo(new ChargeRun(1, 1, 0, 0, false));
        assertThat(unpriced.find(id).orElseThrow()).isEqualTo(new MessageFacts(2, charge, "Your order shipped"));
        assertThat(charges.collectAfter(NOTHING_RECONCILED).candidates()).as("priced once, asked once").isZero();
    }

    @Test
    void an_answer_without_a_price_is_asked_again_after_the_wait() {
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = unpriced.finished(org, sid, T0, "hi");
        Charge charge = Charge.fromProvider("-0.00790", "USD");
        twilio.fetchAnswers(sid, delivered(new MessageFacts(1, null, "hi")), delivered(new MessageFacts(1, charge, "hi")));
        clock.advance(Duration.ofMinutes(3));

        ChargeRun first = charges.collectAfter(NOTHING_RECONCILED);
        clock.advance(Duration.ofMinutes(10));
        ChargeRun tooSoon = charges.collectAfter(NOTHING_RECONCILED);
        clock.advance(Duration.ofMinutes(6));
        ChargeRun again = charges.collectAfter(NOTHING_RECONCILED);

        assertThat(first).isEqualTo(new ChargeRun(1, 0, 1, 0, false));
        assertThat(tooSoon.candidates()).isZero();
        assertThat(again).isEqualTo(new ChargeRun(1, 1, 0, 0, false));
        assertThat(unpriced.find(id).orElseThrow().charge()).isEqualTo(charge);
    }

    @Test
    void it_spends_only_what_the_reconciler_left_of_the_budget_and_paces_after_its_fetches() {
        for (int i = 0; i < 3; i++) {
            MessageSid sid = DeliveryStoreContract.randomSid();
            unpriced.finished(org, sid, T0.plusSeconds(i), "hi");
            twilio.fetchAnswers(sid, delivered(MessageFacts.NONE));
        }
        clock.advance(Duration.ofMinutes(3));

        ChargeRun run = charges.collectAfter(new ReconcileRun(2, 2, 0, 0, 0, false));

        assertThat(run.candidates()).as("3 a run, 2 taken by the reconciler").isEqualTo(1);
        assertThat(twilio.fetches()).hasSize(1);
        assertThat(pauses).as("a pause after the reconciler's last fetch").containsExactly(budget.pace());
    }

    @Test
    void nothing_is_asked_after_a_429_and_a_429_stops_the_run() {
        MessageSid first = DeliveryStoreContract.randomSid();
        MessageSid second = DeliveryStoreContract.randomSid();
        unpriced.finished(org, first, T0, "hi");
        unpriced.finished(org, second, T0.plusSeconds(1), "hi");
        twilio.fetchAnswers(first, new PollResult.RateLimited());
        clock.advance(Duration.ofMinutes(3));

        ChargeRun afterReconcilerLimited = charges.collectAfter(new ReconcileRun(1, 0, 0, 0, 0, true));
        ChargeRun limited = charges.collectAfter(NOTHING_RECONCILED);

        assertThat(afterReconcilerLimited).isEqualTo(ChargeRun.NOTHING);
        assertThat(limited.rateLimited()).isTrue();
        assertThat(twilio.fetches()).containsExactly(first);
    }

    @Test
    void a_message_past_the_horizon_is_no_longer_asked_about() {
        unpriced.finished(org, DeliveryStoreContract.randomSid(), T0, "hi");

        clock.advance(Duration.ofDays(1).plusSeconds(1));

        assertThat(charges.collectAfter(NOTHING_RECONCILED).candidates()).isZero();
    }
}
