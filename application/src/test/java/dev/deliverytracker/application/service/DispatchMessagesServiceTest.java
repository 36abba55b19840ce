package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.InMemoryDeliveryStore;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.fake.InMemoryTwilioAccounts;
import dev.deliverytracker.application.fake.ScriptedMessageGateway;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.AdmitSendRequest;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.MessageWork;
import dev.deliverytracker.application.port.out.OutgoingMessage;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.SendResult;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class DispatchMessagesServiceTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final InMemoryTwilioAccounts accounts = new InMemoryTwilioAccounts();
    private final ScriptedMessageGateway twilio = new ScriptedMessageGateway();
    private final AccountSid account = DeliveryStoreContract.randomAccount();
    private final OrganizationId org = accounts.ensure("acme", new TwilioAccountCredentials(account, "token", ""));
    private final DispatchPolicy policy = new DispatchPolicy(10, Duration.ofMinutes(2), 3, Duration.ofSeconds(1),
            Duration.ofSeconds(30));
    private final DispatchMessagesService dispatcher = new DispatchMessagesService(store, twilio, accounts,
            id -> "https://tracker.example.com/twilio-status?mid=" + id + "#rc=3", store, store, clock, policy,
            () -> 0.5);
    private final SendMessageService sending = new SendMessageService(store, caller -> new AdmitSendRequest.Admission.Admitted(), clock);

    DispatchMessagesServiceTest() {
        accounts.defaultSender(org, new Sender.Number(Address.sms("+15005550006")));
    }

    @Test
    void a_due_message_is_sent_with_its_callback_url_and_stored_as_accepted() {
        MessageId id = send();
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(twilio.attempts()).singleElement().satisfies(outgoing -> {
            assertThat(outgoing.statusCallbackUrl()).isEqualTo("https://tracker.example.com/twilio-status?mid=" + id + "#rc=3");
            assertThat(outgoing.account()).isEqualTo(account);
        });
        Message sent = store.find(id).orElseThrow();
        assertThat(sent.sid()).isPresent();
        assertThat(sent.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(store.isWaiting(id)).isFalse();
    }

    @Test
    void the_send_is_work_about_the_message_within_its_dispatch_and_learns_the_sid() {
        List<String> work = new ArrayList<>();
        MessageWork recording = (name, message, organization) -> {
            work.add("begin " + name + " " + message + " " + organization);
            return new MessageWork.Scope() {
                @Override
                public void learnt(String field, String value) {
                    work.add(name + " learnt " + field + "=" + value);
                }

                @Override
                public void close() {
                    work.add("end " + name);
                }
            };
        };
        DispatchMessagesService observed = new DispatchMessagesService(store, twilio, accounts,
                id -> "https://tracker.example.com/twilio-status?mid=" + id, store, store, clock, policy, () -> 0.5,
                Runnable::run, (sender, account, now) -> now, PacingPolicy.off(), recording);
        MessageId id = send();
        observed.dispatchDue();
        String sid = store.find(id).orElseThrow().sid().orElseThrow().value();
        assertThat(work).containsExactly("begin dispatch " + id + " " + org, "begin send " + id + " " + org,
                "send learnt messageSid=" + sid, "end send", "end dispatch");
    }

    @Test
    void a_claim_sent_on_several_threads_sends_each_message_once() {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        DispatchMessagesService concurrent = new DispatchMessagesService(store, twilio, accounts,
                id -> "https://tracker.example.com/twilio-status?mid=" + id, store, store, clock, policy, () -> 0.5,
                threads);
        for (int i = 0; i < 25; i++) {
            send();
        }
        while (concurrent.dispatchDue() > 0) {
            clock.advance(Duration.ofSeconds(1));
        }
        threads.shutdown();
        assertThat(twilio.stored()).hasSize(25);
        assertThat(twilio.stored()).extracting(OutgoingMessage::id).doesNotHaveDuplicates();
    }

    @Test
    void the_organizations_default_number_is_used_on_the_messages_channel() {
        send();
        dispatcher.dispatchDue();
        Sender sender = twilio.attempts().get(0).sender();
        assertThat(sender).isEqualTo(new Sender.Number(Address.whatsapp("+15005550006")));
    }

    @Test
    void a_rate_limited_send_waits_and_then_sends_once() {
        twilio.answer(new SendResult.TransientFailure("Too many requests", 429, 20429));
        MessageId id = send();
        dispatcher.dispatchDue();
        assertThat(store.isWaiting(id)).isTrue();
        assertThat(dispatcher.dispatchDue()).as("not due before the backoff").isZero();

        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        assertThat(twilio.stored()).hasSize(1);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);
    }

    @Test
    void after_a_5xx_that_twilio_stored_the_retry_finds_it_instead_of_sending_again() {
        twilio.storingDespiteFailure().answer(new SendResult.TransientFailure("Internal error", 500, 20500));
        MessageId id = send();
        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(twilio.attempts()).hasSize(1);
        assertThat(twilio.stored()).hasSize(1);
        assertThat(store.find(id).orElseThrow().sid()).isPresent();
    }

    @Test
    void a_permanent_refusal_fails_the_message_with_twilios_code() {
        twilio.answer(new SendResult.Rejected(DeliveryError.of(21610, "Attempt to send to unsubscribed recipient")));
        MessageId id = send();
        dispatcher.dispatchDue();
        Message failed = store.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo(21610);
        assertThat(store.isWaiting(id)).isFalse();
    }

    @Test
    void transient_failures_give_up_after_the_last_attempt() {
        SendResult busy = new SendResult.TransientFailure("Too many requests", 429, 20429);
        twilio.answer(busy, busy, busy);
        MessageId id = send();
        for (int i = 0; i < 3; i++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofMinutes(1));
        }
        Message failed = store.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.error().message()).startsWith("gave up after 3 attempts");
        assertThat(twilio.attempts()).hasSize(3);
    }

    @Test
    void a_dispatcher_that_died_mid_send_leaves_a_message_the_next_one_does_not_send_twice() {
        MessageId id = send();
        store.claimDue(10, clock.instant(), Duration.ofMinutes(2));
        // The dead dispatcher had reached Twilio before it died.
        twilio.send(new OutgoingMessage(id, account,
                Address.whatsapp("+31612345678"), new Sender.Number(Address.whatsapp("+15005550006")),
                new MessageContent.Text("hello"), "https://tracker.example.com/twilio-status?mid=" + id));

        clock.advance(Duration.ofMinutes(3));
        dispatcher.dispatchDue();

        assertThat(twilio.stored()).hasSize(1);
        assertThat(store.find(id).orElseThrow().sid()).isPresent();
    }

    @Test
    void a_stop_mid_batch_lets_the_send_under_way_finish_and_releases_the_rest_at_once() {
        MessageId first = send();
        MessageId second = send();
        MessageId third = send();
        DispatchMessagesService[] stopping = new DispatchMessagesService[1];
        ScriptedMessageGateway stoppedDuringFirstSend = new ScriptedMessageGateway() {
            @Override
            public synchronized SendResult send(OutgoingMessage message) {
                stopping[0].stop();
                return super.send(message);
            }
        };
        stopping[0] = new DispatchMessagesService(store, stoppedDuringFirstSend, accounts,
                id -> "https://tracker.example.com/twilio-status?mid=" + id, store, store, clock, policy, () -> 0.5);

        assertThat(stopping[0].dispatchDue()).isEqualTo(3);

        assertThat(stoppedDuringFirstSend.attempts()).extracting(OutgoingMessage::id).containsExactly(first);
        assertThat(store.find(first).orElseThrow().sid()).isPresent();
        // Due now, for the dispatcher of any other instance, not after the lease.
        assertThat(store.claimDue(10, clock.instant(), Duration.ofMinutes(2)))
                .extracting(claim -> claim.message().id().orElseThrow()).containsExactlyInAnyOrder(second, third);
    }

    @Test
    void a_stopped_dispatcher_claims_nothing() {
        MessageId id = send();
        dispatcher.stop();

        assertThat(dispatcher.dispatchDue()).isZero();

        assertThat(twilio.attempts()).isEmpty();
        assertThat(store.claimDue(10, clock.instant(), Duration.ofMinutes(2))).hasSize(1);
        assertThat(store.find(id).orElseThrow().sid()).isEmpty();
    }

    @Test
    void a_takeover_does_not_send_again_when_the_first_sends_callback_already_gave_this_message_its_sid() {
        MessageId id = send();
        store.claimDue(10, clock.instant(), Duration.ofMinutes(2));
        // What the dead dispatcher sent: the same WhatsApp message the takeover would send.
        OutgoingMessage reachedTwilio = new OutgoingMessage(id, account, Address.whatsapp("+31612345678"),
                new Sender.Number(Address.whatsapp("+15005550006")), new MessageContent.Text("hello"),
                "https://tracker.example.com/twilio-status?mid=" + id);
        SendResult.Accepted first = (SendResult.Accepted) twilio.send(reachedTwilio);
        // The dead dispatcher's send outran it: its callback, carrying our id, reached another instance.
        store.append(new ReportedEvent(DeliveryEvent.of(first.sid(), DeliveryStatus.SENT, DeliveryError.NONE,
                EventSource.CALLBACK, clock.instant()), new MessageLookup.ById(id), org, account, Map.of(), ""));
        assertThat(store.find(id).orElseThrow().sid()).contains(first.sid());

        clock.advance(Duration.ofMinutes(3));
        dispatcher.dispatchDue();

        assertThat(twilio.stored()).hasSize(1);
        assertThat(store.isWaiting(id)).isFalse();
        assertThat(store.find(id).orElseThrow().sid()).contains(first.sid());
    }

    @Test
    void among_look_alikes_the_one_no_other_message_holds_is_taken_for_this_one() {
        MessageId earlier = send();
        dispatcher.dispatchDue();
        SendResult.Accepted earlierAtTwilio = new SendResult.Accepted(store.find(earlier).orElseThrow().sid().orElseThrow(),
                DeliveryStatus.SENT);
        SendResult.Accepted oursAtTwilio = new SendResult.Accepted(DeliveryStoreContract.randomSid(), DeliveryStatus.QUEUED);
        ScriptedMessageGateway lookalikes = new ScriptedMessageGateway() {
            @Override
            public List<SendResult.Accepted> findAccepted(OutgoingMessage message, Instant since) {
                return List.of(earlierAtTwilio, oursAtTwilio);
            }
        };
        DispatchMessagesService careful = new DispatchMessagesService(store, lookalikes, accounts,
                id -> "https://tracker.example.com/twilio-status?mid=" + id, store, store, clock, policy, () -> 0.5);
        MessageId id = send();
        store.claimDue(10, clock.instant(), Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(3));

        careful.dispatchDue();

        assertThat(lookalikes.attempts()).isEmpty();
        assertThat(store.find(id).orElseThrow().sid()).contains(oursAtTwilio.sid());
    }

    @Test
    void a_look_alike_that_is_already_another_of_our_messages_is_not_taken_for_this_one() {
        MessageId earlier = send();
        dispatcher.dispatchDue();
        SendResult.Accepted earlierAtTwilio = new SendResult.Accepted(store.find(earlier).orElseThrow().sid().orElseThrow(),
                DeliveryStatus.QUEUED);
        ScriptedMessageGateway lookalikes = new ScriptedMessageGateway() {
            @Override
            public List<SendResult.Accepted> findAccepted(OutgoingMessage message, Instant since) {
                return List.of(earlierAtTwilio);
            }
        };
        DispatchMessagesService careful = new DispatchMessagesService(store, lookalikes, accounts,
                id -> "https://tracker.example.com/twilio-status?mid=" + id, store, store, clock, policy, () -> 0.5);
        MessageId id = send();
        store.claimDue(10, clock.instant(), Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(3));

        careful.dispatchDue();

        assertThat(lookalikes.attempts()).hasSize(1);
        assertThat(store.find(id).orElseThrow().sid()).isPresent().isNotEqualTo(store.find(earlier).orElseThrow().sid());
    }

    @Test
    void an_organization_without_a_sender_fails_the_message_with_a_clear_reason() {
        AccountSid bare = DeliveryStoreContract.randomAccount();
        OrganizationId noSender = accounts.ensure("bare", new TwilioAccountCredentials(bare, "token", ""));
        SendOutcome.Accepted accepted = (SendOutcome.Accepted) sending.send(new SendMessageCommand(new ApiCaller(1, noSender),
                Address.sms("+31612345678"), Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), ""));
        dispatcher.dispatchDue();
        Message failed = store.find(accepted.message().id().get()).orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.error().message()).contains("has no default sender");
        assertThat(twilio.attempts()).isEmpty();
    }

    @Test
    void an_organization_without_twilio_credentials_fails_the_message_and_says_so() {
        SendOutcome.Accepted accepted = (SendOutcome.Accepted) sending.send(new SendMessageCommand(new ApiCaller(1, OrganizationId.of(999)),
                Address.sms("+31612345678"), Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), ""));
        dispatcher.dispatchDue();
        Message failed = store.find(accepted.message().id().get()).orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.error().message()).isEqualTo("no Twilio account is configured for organization 999");
    }

    @Test
    void the_backoff_doubles_with_jitter_up_to_its_cap() {
        assertThat(policy.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(1, 1.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(3, 1.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(30, 1.0)).isEqualTo(Duration.ofSeconds(30));
    }

    private MessageId send() {
        SendOutcome.Accepted accepted = (SendOutcome.Accepted) sending.send(new SendMessageCommand(new ApiCaller(1, org),
                new Address(Channel.WHATSAPP, "+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hello"), Map.of(), ""));
        return accepted.message().id().get();
    }
}
