package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.InMemoryDeliveryStore;
import dev.deliverytracker.application.fake.InMemorySendingPace;
import dev.deliverytracker.application.fake.InMemoryTwilioAccounts;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.fake.ScriptedMessageGateway;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.AdmitSendRequest;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.application.port.out.OutgoingMessage;
import dev.deliverytracker.application.port.out.PaceRate;
import dev.deliverytracker.application.port.out.SendResult;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dispatcher keeps each sender and each Twilio account under its rate; the rest waits in the outbox. */
class DispatchPacingTest {

    private static final PaceRate GENEROUS = new PaceRate(1000, 1000);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final InMemoryTwilioAccounts accounts = new InMemoryTwilioAccounts();
    private final AccountSid account = DeliveryStoreContract.randomAccount();
    private final OrganizationId org = accounts.ensure("acme", new TwilioAccountCredentials(account, "token", ""));
    private final InMemorySendingPace pace = new InMemorySendingPace();
    private final List<Instant> sentAt = new ArrayList<>();
    private final ScriptedMessageGateway twilio = new ScriptedMessageGateway() {
        @Override
        public synchronized SendResult send(OutgoingMessage message) {
            sentAt.add(clock.instant());
            return super.send(message);
        }
    };
    private final DispatchPolicy policy = new DispatchPolicy(50, Duration.ofMinutes(2), 3, Duration.ofSeconds(1),
            Duration.ofSeconds(30));
    private final SendMessageService sending = new SendMessageService(store, caller -> new AdmitSendRequest.Admission.Admitted(), clock);

    DispatchPacingTest() {
        accounts.defaultSender(org, new Sender.Number(Address.sms("+15005550006")));
    }

    @Test
    void a_burst_from_one_number_goes_out_no_faster_than_its_rate_and_the_rest_waits_visibly() {
        DispatchMessagesService dispatcher = dispatcher(new PacingPolicy(true, new PaceRate(2, 2), GENEROUS, GENEROUS,
                GENEROUS));
        List<MessageId> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(send("+3161234" + String.format("%04d", i)));
        }

        dispatcher.dispatchDue();

        assertThat(twilio.stored()).as("the burst allowance goes at once").hasSize(2);
        MessageId waiting = burst.stream().filter(store::isWaiting).findFirst().orElseThrow();
        assertThat(store.pacedUntil(waiting)).hasValueSatisfying(until -> assertThat(until).isAfter(clock.instant()));
        assertThat(store.find(waiting).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);

        for (int step = 0; step < 200 && twilio.stored().size() < 20; step++) {
            clock.advance(Duration.ofMillis(100));
            dispatcher.dispatchDue();
        }

        assertThat(twilio.stored()).hasSize(20);
        assertThat(twilio.stored()).extracting(OutgoingMessage::id).doesNotHaveDuplicates();
        assertNoWindowAbove(sentAt, Duration.ofSeconds(1), 2 + 2);
        assertThat(burst).allSatisfy(id -> {
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(store.pacedUntil(id)).isEmpty();
        });
    }

    @Test
    void the_account_rate_holds_across_its_senders() {
        DispatchMessagesService dispatcher = dispatcher(new PacingPolicy(true, GENEROUS, GENEROUS, GENEROUS,
                new PaceRate(5, 1)));
        for (int i = 0; i < 30; i++) {
            sendFrom("+1500555" + String.format("%04d", i), "+31612340000");
        }
        for (int step = 0; step < 200 && twilio.stored().size() < 30; step++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofMillis(50));
        }

        assertThat(twilio.stored()).hasSize(30);
        assertNoWindowAbove(sentAt, Duration.ofSeconds(1), 1 + 5);
    }

    @Test
    void a_message_waiting_for_its_place_is_handled_twice_at_most_not_once_per_round() {
        DispatchMessagesService dispatcher = dispatcher(new PacingPolicy(true, new PaceRate(1, 1), GENEROUS, GENEROUS,
                GENEROUS));
        for (int i = 0; i < 10; i++) {
            send("+3161234" + String.format("%04d", i));
        }
        for (int step = 0; step < 120 && twilio.stored().size() < 10; step++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(twilio.stored()).hasSize(10);
        assertThat(pace.booked()).as("one place booked per message, however long it waited").hasSize(10);
    }

    @Test
    void a_transient_failure_gives_up_its_place_and_books_a_new_one_for_the_next_attempt() {
        DispatchMessagesService dispatcher = dispatcher(new PacingPolicy(true, new PaceRate(1, 1), GENEROUS, GENEROUS,
                GENEROUS));
        twilio.answer(new SendResult.TransientFailure("Too many requests", 429, 20429));
        MessageId id = send("+31612340001");
        dispatcher.dispatchDue();
        assertThat(store.pacedUntil(id)).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        dispatcher.dispatchDue();

        assertThat(pace.booked()).hasSize(2);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);
    }

    @Test
    void pacing_off_sends_every_due_message_at_once() {
        DispatchMessagesService dispatcher = dispatcher(PacingPolicy.off());
        for (int i = 0; i < 20; i++) {
            send("+3161234" + String.format("%04d", i));
        }
        dispatcher.dispatchDue();
        assertThat(twilio.stored()).hasSize(20);
        assertThat(pace.booked()).isEmpty();
    }

    /** Counts the sends in every window of {@code length} that starts at a send: none holds more than {@code most}. */
    static void assertNoWindowAbove(List<Instant> times, Duration length, int most) {
        List<Instant> sorted = times.stream().sorted().toList();
        for (int first = 0; first < sorted.size(); first++) {
            Instant end = sorted.get(first).plus(length);
            int count = 0;
            for (int other = first; other < sorted.size() && sorted.get(other).isBefore(end); other++) {
                count++;
            }
            assertThat(count).as("sends in the %s from %s", length, sorted.get(first)).isLessThanOrEqualTo(most);
        }
    }

    private DispatchMessagesService dispatcher(PacingPolicy pacing) {
        return new DispatchMessagesService(store, twilio, accounts, id -> "https://tracker.example.com/twilio-status?mid="
                + id, store, store, clock, policy, () -> 0.5, Runnable::run, pace, pacing);
    }

    private MessageId send(String to) {
        return sendFrom(null, to);
    }

    private MessageId sendFrom(String from, String to) {
        Sender sender = from == null ? Sender.organizationDefault() : new Sender.Number(Address.sms(from));
        SendOutcome.Accepted accepted = (SendOutcome.Accepted) sending.send(new SendMessageCommand(new ApiCaller(1, org),
                Address.sms(to), sender, new MessageContent.Text("hello"), Map.of(), ""));
        return accepted.message().id().orElseThrow();
    }
}
