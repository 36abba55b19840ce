package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.fake.BodyEchoSignatureVerifier;
import dev.deliverytracker.application.fake.CountedRefusalBudget;
import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.InMemoryDeliveryStore;
import dev.deliverytracker.application.fake.InMemoryInboundMessages;
import dev.deliverytracker.application.fake.InMemoryStreamEvents;
import dev.deliverytracker.application.fake.InMemoryTwilioAccounts;
import dev.deliverytracker.application.fake.KeptRefusedCallbacks;
import dev.deliverytracker.application.fake.KeptRejectedCallbacks;
import dev.deliverytracker.application.fake.TokenEchoSignatureVerifier;
import dev.deliverytracker.application.port.EventBatch;
import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.RecordOutcome.Refusal;
import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.application.port.StreamedEvent;
import dev.deliverytracker.application.port.in.BatchOutcome;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.KeptStreamEvents.Disposition;
import dev.deliverytracker.application.port.out.RefusalBudget;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.service.RecordDeliveryStatusService.SignatureCheck;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class RecordStreamedEventsServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String URL = "https://tracker.example.com/twilio-events?bodySHA256=abc";

    private final AccountSid account = DeliveryStoreContract.randomAccount();
    private final AccountSid otherAccount = DeliveryStoreContract.randomAccount();
    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final InMemoryStreamEvents streamEvents = new InMemoryStreamEvents();
    private final InMemoryInboundMessages inbound = new InMemoryInboundMessages();
    private final InMemoryTwilioAccounts accounts = new InMemoryTwilioAccounts()
            .with(new TwilioAccount(OrganizationId.of(1), account, List.of("new-token", "old-token")))
            .with(new TwilioAccount(OrganizationId.of(2), otherAccount, List.of("other-token")));
    private final RecordStreamedEventsService service = service(store, RefusalBudget.unlimited());

    private final Message message = sentMessage();
    private final MessageSid sid = message.sid().orElseThrow();

    @Test
    void a_signed_batch_of_status_events_moves_the_message_like_callbacks_do() {
        BatchOutcome outcome = service.record(signed("new-token", status("SENT", account), status("DELIVERED", account)));

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.Taken.class, taken -> assertThat(taken.events())
                .extracting(event -> ((BatchOutcome.StatusRecorded) event).outcome())
                .allSatisfy(recorded -> assertThat(recorded).isInstanceOf(RecordOutcome.Recorded.class)));
        assertThat(store.find(message.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(store.history(message.id().get())).extracting(DeliveryEvent::reportedStatus)
                .containsExactlyInAnyOrder("queued", "sent", "delivered");
    }

    @Test
    void a_status_that_came_by_callback_too_is_recorded_once_whichever_feed_is_first() {
        RecordDeliveryStatusService callbacks = new RecordDeliveryStatusService(accounts,
                new TokenEchoSignatureVerifier(), store, new KeptRejectedCallbacks(), new KeptRefusedCallbacks(),
                SignatureCheck.REQUIRED);
        String callbackUrl = "https://tracker.example.com/twilio-status";
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("AccountSid", List.of(account.value()));
        form.put("MessageSid", List.of(sid.value()));
        form.put("MessageStatus", List.of("sent"));
        assertThat(callbacks.record(new StatusCallback(callbackUrl, form,
                TokenEchoSignatureVerifier.sign("new-token", callbackUrl, form), "", NOW)))
                .isInstanceOf(RecordOutcome.Recorded.class);

        BatchOutcome streamed = service.record(signed("new-token", status("SENT", account)));
        form.put("MessageStatus", List.of("delivered"));
        service.record(signed("new-token", status("DELIVERED", account)));
        RecordOutcome lateCallback = callbacks.record(new StatusCallback(callbackUrl, form,
                TokenEchoSignatureVerifier.sign("new-token", callbackUrl, form), "", NOW));

        assertThat(((BatchOutcome.Taken) streamed).events()).singleElement()
                .satisfies(event -> assertThat(((BatchOutcome.StatusRecorded) event).outcome())
                        .isInstanceOf(RecordOutcome.Duplicate.class));
        assertThat(lateCallback).isInstanceOf(RecordOutcome.Duplicate.class);
        assertThat(store.history(message.id().get())).extracting(DeliveryEvent::reportedStatus)
                .containsExactlyInAnyOrder("queued", "sent", "delivered");
    }

    @Test
    void a_failure_keeps_its_numeric_error_code_and_the_payload_uses_the_callback_names() {
        List<ReportedEvent> appended = new ArrayList<>();
        DeliveryLog spying = new RecordingLog(store, appended);
        StreamedEvent failed = event("com.twilio.messaging.message.undelivered", Map.of("messageSid", sid.value(),
                "accountSid", account.value(), "messageStatus", "UNDELIVERED", "errorCode", "30003",
                "to", "+31612345678", "timestamp", "2026-11-24T11:59:59.000Z"));

        service(spying, RefusalBudget.unlimited()).record(signed("new-token", failed));

        assertThat(store.find(message.id().get()).orElseThrow().error().code()).isEqualTo(30003);
        assertThat(appended).singleElement().satisfies(reported -> {
            assertThat(reported.event().dedupeKey()).isEqualTo(sid.value() + ":undelivered:30003");
            assertThat(reported.payload()).containsEntry("ErrorCode", List.of("30003"))
                    .containsEntry("To", List.of("+31612345678"))
                    .containsEntry("MessageStatus", List.of("undelivered"))
                    .containsEntry("EventStreamsId", List.of(failed.id()))
                    .containsEntry("timestamp", List.of("2026-11-24T11:59:59.000Z"));
            assertThat(reported.idempotencyToken()).isEqualTo(failed.id());
        });
    }

    @Test
    void a_batch_signed_with_another_token_is_refused_kept_in_quarantine_and_records_nothing() {
        BatchOutcome outcome = service.record(signed("other-token", status("DELIVERED", account)));

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.Refused.class, refused -> {
            assertThat(refused.refusal().cause()).isEqualTo(Refusal.MISMATCH);
            assertThat(refused.refusal().kept()).isTrue();
            assertThat(refused.refusal().reason()).contains("does not match").contains(account.value());
        });
        assertThat(store.find(message.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(streamEvents.refused()).singleElement()
                .satisfies(kept -> assertThat(kept.batch().body()).contains("DELIVERED"));
    }

    @Test
    void a_body_changed_after_signing_is_refused() {
        EventBatch genuine = signed("new-token", status("SENT", account));
        EventBatch tampered = new EventBatch(genuine.url(), List.of(), genuine.body().replace("SENT", "READ"),
                genuine.signature(), genuine.events(), NOW, "198.51.100.7");

        assertThat(service.record(tampered)).isInstanceOfSatisfying(BatchOutcome.Refused.class,
                refused -> assertThat(refused.refusal().cause()).isEqualTo(Refusal.MISMATCH));
    }

    @Test
    void refusals_are_named_by_cause_and_a_source_past_its_budget_is_not_kept() {
        StreamedEvent noAccount = event("com.twilio.messaging.message.sent", Map.of("messageSid", sid.value()));
        StreamedEvent unknownAccount = status("SENT", DeliveryStoreContract.randomAccount());
        EventBatch unsigned = new EventBatch(URL, List.of(), "[]", "", List.of(status("SENT", account)), NOW,
                "198.51.100.7");
        RecordStreamedEventsService limited = service(store, new CountedRefusalBudget(1));

        assertThat(cause(limited.record(signed("new-token", noAccount)))).isEqualTo(Refusal.NO_ACCOUNT);
        assertThat(cause(limited.record(signed("new-token", unknownAccount)))).isEqualTo(Refusal.UNKNOWN_ACCOUNT);
        assertThat(cause(limited.record(unsigned))).isEqualTo(Refusal.NO_SIGNATURE);
        assertThat(streamEvents.refused()).hasSize(1);
    }

    @Test
    void twilio_s_test_event_names_no_account_and_verifies_through_the_account_in_the_sink_url() {
        String url = "https://tracker.example.com/twilio-events?account=" + account + "&bodySHA256=abc";
        StreamedEvent test = event("com.twilio.eventstreams.test-event", Map.of("test_id", "cae2f9e2"));
        String body = body(test);
        EventBatch batch = new EventBatch(BodyEchoSignatureVerifier.withBodyHash(url, body), List.of(), body,
                BodyEchoSignatureVerifier.sign("new-token", url, body),
                List.of(test), NOW, "x");

        assertThat(service.record(batch)).isEqualTo(new BatchOutcome.Taken(List.of(new BatchOutcome.Unhandled(test.id(),
                "com.twilio.eventstreams.test-event"))));
        assertThat(streamEvents.kept()).singleElement().satisfies(kept ->
                assertThat(kept.event().data()).containsEntry("test_id", "cae2f9e2"));
    }

    @Test
    void the_previous_token_and_the_url_with_the_sink_s_credentials_verify_too() {
        StreamedEvent sent = status("SENT", account);
        String withCredentials = "https://user:secret@tracker.example.com/twilio-events?bodySHA256=abc";
        String body = body(sent);
        EventBatch batch = new EventBatch(BodyEchoSignatureVerifier.withBodyHash(URL, body),
                List.of(BodyEchoSignatureVerifier.withBodyHash(withCredentials, body)), body,
                BodyEchoSignatureVerifier.sign("old-token", withCredentials, body), List.of(sent), NOW, "x");

        assertThat(service.record(batch)).isInstanceOf(BatchOutcome.Taken.class);
    }

    @Test
    void unknown_types_and_unreadable_events_are_kept_while_the_rest_of_the_batch_is_recorded() {
        StreamedEvent other = event("com.twilio.voice.status-callback.call.completed",
                Map.of("accountSid", account.value(), "callSid", "CA1"));
        StreamedEvent unreadable = event("com.twilio.messaging.message.sent",
                Map.of("accountSid", account.value(), "messageSid", "not-a-sid"));
        StreamedEvent foreign = status("DELIVERED", otherAccount);

        BatchOutcome outcome = service.record(signed("new-token", other, unreadable, status("SENT", account), foreign));

        assertThat(((BatchOutcome.Taken) outcome).events()).satisfiesExactly(
                first -> assertThat(first).isInstanceOf(BatchOutcome.Unhandled.class),
                second -> assertThat(second).isInstanceOfSatisfying(BatchOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("message SID")),
                third -> assertThat(third).isInstanceOf(BatchOutcome.StatusRecorded.class),
                fourth -> assertThat(fourth).isInstanceOfSatisfying(BatchOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("another account")));
        assertThat(streamEvents.kept()).extracting(InMemoryStreamEvents.Kept::disposition)
                .containsExactlyInAnyOrder(Disposition.UNHANDLED_TYPE, Disposition.UNREADABLE, Disposition.UNREADABLE);
        assertThat(streamEvents.kept()).allSatisfy(kept -> assertThat(kept.organization()).isEqualTo(OrganizationId.of(1)));
        assertThat(store.find(message.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void a_store_that_cannot_take_an_event_fails_the_whole_batch_so_twilio_sends_it_again() {
        DeliveryLog failing = new RecordingLog(store, new ArrayList<>()) {
            @Override
            public RecordOutcome append(ReportedEvent reported) {
                if (reported.event().status() == DeliveryStatus.DELIVERED) {
                    throw new IllegalStateException("database away");
                }
                return super.append(reported);
            }
        };
        RecordStreamedEventsService withFailingStore = service(failing, RefusalBudget.unlimited());

        assertThatThrownBy(() -> withFailingStore.record(signed("new-token", status("SENT", account),
                status("DELIVERED", account)))).hasMessageContaining("database away");
        BatchOutcome again = service.record(signed("new-token", status("SENT", account), status("DELIVERED", account)));
        assertThat(((BatchOutcome.Taken) again).events()).extracting(event -> ((BatchOutcome.StatusRecorded) event)
                .outcome().getClass().getSimpleName()).containsExactly("Duplicate", "Recorded");
    }

    @Test
    void an_inbound_message_is_stored_once_and_opens_the_window_from_twilio_s_timestamp() {
        StreamedEvent received = event(StreamedEvent.INBOUND_TYPE, Map.of("messageSid", DeliveryStoreContract.randomSid()
                .value(), "accountSid", account.value(), "from", "whatsapp:+31612345678", "to", "whatsapp:+14155238886",
                "body", "Where is my parcel?", "timestamp", "2026-11-24T11:58:00.000Z"));

        BatchOutcome first = service.record(signed("new-token", received));
        BatchOutcome again = service.record(signed("new-token", received));

        assertThat(((BatchOutcome.Taken) first).events()).singleElement().isEqualTo(
                new BatchOutcome.InboundRecorded(received.id(), StreamedEvent.INBOUND_TYPE, true));
        assertThat(((BatchOutcome.Taken) again).events()).singleElement().isEqualTo(
                new BatchOutcome.InboundRecorded(received.id(), StreamedEvent.INBOUND_TYPE, false));
        assertThat(inbound.latestWindow(OrganizationId.of(1), Address.whatsapp("+31612345678"))).hasValueSatisfying(
                window -> {
                    assertThat(window.business()).isEqualTo(Address.whatsapp("+14155238886"));
                    assertThat(window.closesAt()).isEqualTo(Instant.parse("2026-11-25T11:58:00Z"));
                });
        assertThat(inbound.all()).singleElement().satisfies(message ->
                assertThat(message.body()).isEqualTo("Where is my parcel?"));
    }

    @Test
    void an_inbound_message_without_a_sender_is_kept_unread() {
        StreamedEvent noFrom = event(StreamedEvent.INBOUND_TYPE, Map.of("messageSid", sid.value(),
                "accountSid", account.value(), "to", "whatsapp:+14155238886"));

        assertThat(((BatchOutcome.Taken) service.record(signed("new-token", noFrom))).events()).singleElement()
                .isInstanceOfSatisfying(BatchOutcome.Rejected.class, r -> assertThat(r.reason()).contains("data.from"));
        assertThat(inbound.all()).isEmpty();
    }

    private RecordStreamedEventsService service(DeliveryLog log, RefusalBudget budget) {
        return new RecordStreamedEventsService(accounts, new BodyEchoSignatureVerifier(), log, streamEvents,
                inbound, streamEvents, budget, SignatureCheck.REQUIRED, Executors.newFixedThreadPool(4));
    }

    private static Refusal cause(BatchOutcome outcome) {
        return ((BatchOutcome.Refused) outcome).refusal().cause();
    }

    private EventBatch signed(String token, StreamedEvent... events) {
        String body = body(events);
        return new EventBatch(BodyEchoSignatureVerifier.withBodyHash(URL, body), List.of(), body,
                BodyEchoSignatureVerifier.sign(token, URL, body), List.of(events),
                NOW, "198.51.100.7");
    }

    private static String body(StreamedEvent... events) {
        return "[" + String.join(",", java.util.Arrays.stream(events).map(StreamedEvent::json).toList()) + "]";
    }

    private StreamedEvent status(String word, AccountSid sender) {
        return event("com.twilio.messaging.message." + word.toLowerCase(java.util.Locale.ROOT), Map.of(
                "messageSid", sid.value(), "accountSid", sender.value(), "messageStatus", word));
    }

    private static StreamedEvent event(String type, Map<String, String> data) {
        String id = "EV" + java.util.UUID.randomUUID().toString().replace("-", "");
        return new StreamedEvent(id, type, data, "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"data\":" + data + "}");
    }

    private Message sentMessage() {
        Message pending = store.add(Message.pending(OrganizationId.of(1), Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(), NOW));
        return store.accepted(pending.id().get(), DeliveryEvent.of(DeliveryStoreContract.randomSid(),
                DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, NOW));
    }

    /** The store, with every appended event noted. */
    private static class RecordingLog implements DeliveryLog {

        private final InMemoryDeliveryStore store;
        private final List<ReportedEvent> appended;

        RecordingLog(InMemoryDeliveryStore store, List<ReportedEvent> appended) {
            this.store = store;
            this.appended = appended;
        }

        @Override
        public RecordOutcome append(ReportedEvent reported) {
            synchronized (appended) {
                appended.add(reported);
            }
            return store.append(reported);
        }

        @Override
        public Message accepted(dev.deliverytracker.domain.MessageId id, DeliveryEvent firstStatus) {
            return store.accepted(id, firstStatus);
        }

        @Override
        public Message sendFailed(dev.deliverytracker.domain.MessageId id, DeliveryError failure, Instant at) {
            return store.sendFailed(id, failure, at);
        }

        @Override
        public Message register(Message registration) {
            return store.register(registration);
        }
    }
}
