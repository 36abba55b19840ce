package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.InMemoryDeliveryStore;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.fake.InMemoryStaleMessages;
import dev.deliverytracker.application.fake.InMemoryTwilioAccounts;
import dev.deliverytracker.application.fake.ScriptedMessageGateway;
import dev.deliverytracker.application.port.in.ReconcileRun;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.PollResult;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcileMessagesServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final InMemoryStaleMessages stale = new InMemoryStaleMessages(store, clock);
    private final InMemoryTwilioAccounts accounts = new InMemoryTwilioAccounts();
    private final ScriptedMessageGateway twilio = new ScriptedMessageGateway();
    private final AccountSid account = DeliveryStoreContract.randomAccount();
    private final OrganizationId org = accounts.ensure("acme", new TwilioAccountCredentials(account, "token", ""));
    private final List<Duration> pauses = new ArrayList<>();

    private ReconcileMessagesService reconciler(ReconcilePolicy policy) {
        return new ReconcileMessagesService(stale, twilio, accounts, store, clock, policy, pauses::add);
    }

    private final ReconcileMessagesService reconciler = reconciler(ReconcilePolicy.defaults());

    @Test
    void a_queued_message_whose_callbacks_were_lost_is_polled_and_reaches_its_true_status() {
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = accepted(Address.sms("+31612345678"), sid);
        twilio.fetchAnswers(sid, PollResult.Found.of(DeliveryStatus.DELIVERED, DeliveryError.NONE));

        clock.advance(Duration.ofMinutes(11));
        ReconcileRun run = reconciler.reconcileStale();

        assertThat(run).isEqualTo(new ReconcileRun(1, 1, 1, 0, 0, false));
        assertThat(twilio.fetches()).containsExactly(sid);
        Message message = store.find(id).orElseThrow();
        assertThat(message.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(store.history(id)).extracting(DeliveryEvent::source, DeliveryEvent::reportedStatus)
                .contains(tuple(EventSource.POLL, "delivered"));
        assertThat(store.history(id)).filteredOn(event -> event.source() == EventSource.POLL)
                .singleElement().extracting(DeliveryEvent::receivedAt).isEqualTo(clock.instant());
    }

    @Test
    void a_message_that_had_news_recently_is_not_polled() {
        MessageSid sid = DeliveryStoreContract.randomSid();
        accepted(Address.sms("+31612345678"), sid);

        clock.advance(Duration.ofMinutes(9));

        assertThat(reconciler.reconcileStale().candidates()).isZero();
        assertThat(twilio.fetches()).isEmpty();
    }

    @Test
    void a_sent_message_is_given_a_day_for_its_receipt_before_it_is_polled() {
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = accepted(Address.sms("+31612345678"), sid);
        callback(id, sid, DeliveryStatus.SENT);
        twilio.fetchAnswers(sid, PollResult.Found.of(DeliveryStatus.DELIVERED, DeliveryError.NONE));

        clock.advance(Duration.ofHours(23));
        reconciler.reconcileStale();
        assertThat(twilio.fetches()).isEmpty();

        clock.advance(Duration.ofHours(2));
        reconciler.reconcileStale();
        assertThat(twilio.fetches()).containsExactly(sid);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void pending_messages_and_delivered_whatsapp_messages_are_not_polled() {
        Message pending = store.add(Message.pending(org, Address.sms("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hi"), Map.of(), Optional.empty(), T0));
        stale.watch(pending.id().orElseThrow());
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId whatsapp = accepted(Address.whatsapp("+31612345678"), sid);
        callback(whatsapp, sid, DeliveryStatus.DELIVERED);

        clock.advance(Duration.ofDays(2));

        assertThat(reconciler.reconcileStale().candidates()).isZero();
        assertThat(twilio.fetches()).isEmpty();
    }

    @Test
    void pending_cannot_be_configured_for_reconciliation_it_is_the_outboxs_job() {
        assertThatThrownBy(() -> new ReconcilePolicy(Map.of(DeliveryStatus.PENDING, Duration.ofMinutes(1)),
                Duration.ofHours(1), 100, 10, Duration.ofHours(72)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not pending");
    }

    @Test
    void a_poll_that_repeats_what_is_known_is_absorbed_as_a_duplicate() {
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = accepted(Address.sms("+31612345678"), sid);
        twilio.fetchAnswers(sid, PollResult.Found.of(DeliveryStatus.QUEUED, DeliveryError.NONE));
        int before = store.history(id).size();

        clock.advance(Duration.ofMinutes(11));
        ReconcileRun run = reconciler.reconcileStale();

        assertThat(run.polled()).isOne();
        assertThat(run.changed()).isZero();
        assertThat(store.history(id)).hasSize(before);
        assertThat(stale.polls(id)).isOne();
    }

    @Test
    void a_poll_never_moves_a_status_backwards() {
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = accepted(Address.sms("+31612345678"), sid);
        callback(id, sid, DeliveryStatus.SENT);
        // Twilio's answer lags behind what a callback already said.
        twilio.fetchAnswers(sid, PollResult.Found.of(DeliveryStatus.SENDING, DeliveryError.NONE));

        clock.advance(Duration.ofHours(25));
        reconciler.reconcileStale();

        assertThat(store.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(store.history(id)).anyMatch(event -> event.source() == EventSource.POLL);
    }

    @Test
    void a_failure_found_by_polling_fails_the_message_with_its_code() {
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = accepted(Address.sms("+31612345678"), sid);
        twilio.fetchAnswers(sid, PollResult.Found.of(DeliveryStatus.UNDELIVERED,
                DeliveryError.of(30003, "Unreachable destination handset")));

        clock.advance(Duration.ofMinutes(11));
        reconciler.reconcileStale();

        Message message = store.find(id).orElseThrow();
        assertThat(message.status()).isEqualTo(DeliveryStatus.UNDELIVERED);
        assertThat(message.error().code()).isEqualTo(30003);
    }

    @Test
    void a_message_polled_recently_waits_for_the_poll_interval() {
        MessageSid sid = DeliveryStoreContract.randomSid();
        accepted(Address.sms("+31612345678"), sid);
        twilio.fetchAnswers(sid, PollResult.Found.of(DeliveryStatus.QUEUED, DeliveryError.NONE));

        clock.advance(Duration.ofMinutes(11));
        reconciler.reconcileStale();
        clock.advance(Duration.ofMinutes(30));
        reconciler.reconcileStale();
        assertThat(twilio.fetches()).hasSize(1);

        clock.advance(Duration.ofMinutes(31));
        reconciler.reconcileStale();
        assertThat(twilio.fetches()).hasSize(2);
    }

    @Test
    void a_429_ends_the_run_and_the_message_is_polled_again_next_run() {
        MessageSid first = DeliveryStoreContract.randomSid();
        MessageSid second = DeliveryStoreContract.randomSid();
        MessageSid third = DeliveryStoreContract.randomSid();
        accepted(Address.sms("+31612345671"), first);
        clock.advance(Duration.ofSeconds(1));
        MessageId limited = accepted(Address.sms("+31612345672"), second);
        clock.advance(Duration.ofSeconds(1));
        accepted(Address.sms("+31612345673"), third);
        twilio.fetchAnswers(first, PollResult.Found.of(DeliveryStatus.DELIVERED, DeliveryError.NONE));
        twilio.fetchAnswers(second, new PollResult.RateLimited(),
                PollResult.Found.of(DeliveryStatus.DELIVERED, DeliveryError.NONE));
        twilio.fetchAnswers(third, PollResult.Found.of(DeliveryStatus.DELIVERED, DeliveryError.NONE));

        clock.advance(Duration.ofMinutes(11));
        ReconcileRun run = reconciler.reconcileStale();

        assertThat(run.rateLimited()).isTrue();
        assertThat(twilio.fetches()).containsExactly(first, second);
        assertThat(stale.polls(limited)).isZero();

        clock.advance(Duration.ofMinutes(1));
        reconciler.reconcileStale();
        assertThat(twilio.fetches()).containsExactly(first, second, second, third);
        assertThat(store.find(limited).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void fetches_are_paced_to_the_configured_rate() {
        for (int i = 0; i < 3; i++) {
            MessageSid sid = DeliveryStoreContract.randomSid();
            accepted(Address.sms("+3161234567" + i), sid);
            twilio.fetchAnswers(sid, PollResult.Found.of(DeliveryStatus.DELIVERED, DeliveryError.NONE));
        }

        clock.advance(Duration.ofMinutes(11));
        reconciler.reconcileStale();

        assertThat(twilio.fetches()).hasSize(3);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
    }

    @Test
    void a_run_polls_at_most_its_batch_oldest_first() {
        List<MessageSid> sids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MessageSid sid = DeliveryStoreContract.randomSid();
            sids.add(sid);
            accepted(Address.sms("+3161234567" + i), sid);
            clock.advance(Duration.ofSeconds(1));
        }
        ReconcileMessagesService small = reconciler(new ReconcilePolicy(ReconcilePolicy.defaults().ages(),
                Duration.ofHours(1), 2, 10, Duration.ofHours(72)));

        clock.advance(Duration.ofMinutes(11));
        assertThat(small.reconcileStale().candidates()).isEqualTo(2);

        assertThat(twilio.fetches()).containsExactly(sids.get(0), sids.get(1));
    }

    @Test
    void a_failed_fetch_is_counted_and_tried_again_after_the_poll_interval() {
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = accepted(Address.sms("+31612345678"), sid);
        twilio.fetchAnswers(sid, new PollResult.Failed("Twilio answered 503"),
                PollResult.Found.of(DeliveryStatus.DELIVERED, DeliveryError.NONE));

        clock.advance(Duration.ofMinutes(11));
        assertThat(reconciler.reconcileStale().failed()).isOne();
        clock.advance(Duration.ofMinutes(61));
        reconciler.reconcileStale();

        assertThat(store.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void past_the_horizon_a_message_still_not_final_is_marked_unconfirmed_and_no_longer_polled() {
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = accepted(Address.sms("+31612345678"), sid);
        callback(id, sid, DeliveryStatus.SENT);
        twilio.fetchAnswers(sid, PollResult.Found.of(DeliveryStatus.SENT, DeliveryError.NONE));

        clock.advance(Duration.ofHours(73));
        ReconcileRun run = reconciler.reconcileStale();

        assertThat(run.unconfirmed()).isOne();
        assertThat(stale.unconfirmedAt(id)).contains(clock.instant());
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);

        clock.advance(Duration.ofHours(2));
        reconciler.reconcileStale();
        assertThat(twilio.fetches()).hasSize(1);
    }

    @Test
    void past_the_horizon_a_message_that_polling_finds_final_is_not_unconfirmed() {
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = accepted(Address.sms("+31612345678"), sid);
        twilio.fetchAnswers(sid, PollResult.Found.of(DeliveryStatus.DELIVERED, DeliveryError.NONE));

        clock.advance(Duration.ofHours(80));
        ReconcileRun run = reconciler.reconcileStale();

        assertThat(run.unconfirmed()).isZero();
        assertThat(stale.unconfirmedAt(id)).isEmpty();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void the_ages_per_status_are_configurable() {
        MessageSid sid = DeliveryStoreContract.randomSid();
        accepted(Address.sms("+31612345678"), sid);
        Map<DeliveryStatus, Duration> ages = new EnumMap<>(DeliveryStatus.class);
        ages.put(DeliveryStatus.QUEUED, Duration.ZERO);
        ReconcileMessagesService eager = reconciler(new ReconcilePolicy(ages, Duration.ZERO, 100, 10,
                Duration.ofHours(72)));

        eager.reconcileStale();

        assertThat(twilio.fetches()).containsExactly(sid);
    }

    private MessageId accepted(Address to, MessageSid sid) {
        Message pending = store.add(Message.pending(org, to, Sender.organizationDefault(), new MessageContent.Text("hi"),
                Map.of(), Optional.empty(), clock.instant()));
        MessageId id = pending.id().orElseThrow();
        store.accepted(id, DeliveryEvent.of(sid, DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE,
                clock.instant()));
        stale.watch(id);
        return id;
    }

    private void callback(MessageId id, MessageSid sid, DeliveryStatus status) {
        store.append(new ReportedEvent(
                DeliveryEvent.of(sid, status, DeliveryError.NONE, EventSource.CALLBACK, clock.instant()),
                MessageLookup.byId(id), org, account, Map.of(), ""));
        stale.find(Map.of(), clock.instant(), 1);
    }
}
