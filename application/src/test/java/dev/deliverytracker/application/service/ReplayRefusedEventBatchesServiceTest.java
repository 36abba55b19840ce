package dev.deliverytracker.application.service;

import dev.deliverytracker.application.fake.Actors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.BodyEchoSignatureVerifier;
import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.InMemoryDeliveryStore;
import dev.deliverytracker.application.fake.InMemoryInboundMessages;
import dev.deliverytracker.application.fake.InMemoryStreamEvents;
import dev.deliverytracker.application.fake.InMemoryTwilioAccounts;
import dev.deliverytracker.application.port.EventBatch;
import dev.deliverytracker.application.port.StreamedEvent;
import dev.deliverytracker.application.port.in.BatchOutcome;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks.Replay;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks.Selection;
import dev.deliverytracker.application.port.out.RefusalBudget;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ReplayRefusedEventBatchesServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String URL = "https://old.example.com/twilio-events?bodySHA256=abc";
    private static final OrganizationId ORG = OrganizationId.of(1);
    private static final OrganizationId OTHER_ORG = OrganizationId.of(2);

    private final AccountSid account = DeliveryStoreContract.randomAccount();
    private final AccountSid otherAccount = DeliveryStoreContract.randomAccount();
    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final InMemoryStreamEvents quarantine = new InMemoryStreamEvents();
    private final InMemoryTwilioAccounts accounts = new InMemoryTwilioAccounts()
            .with(new TwilioAccount(ORG, account, List.of("stale-token")))
            .with(new TwilioAccount(OTHER_ORG, otherAccount, List.of("other-token")));
    private final RecordStreamedEventsService recorder = new RecordStreamedEventsService(accounts,
            new BodyEchoSignatureVerifier(), store, quarantine, new InMemoryInboundMessages(), quarantine,
            RefusalBudget.unlimited(), SignatureCheck.REQUIRED, Executors.newFixedThreadPool(2));
    private final ReplayRefusedEventBatchesService replays = new ReplayRefusedEventBatchesService(accounts, quarantine,
            recorder, url -> url.replace("https://old.example.com", "https://tracker.example.com"));

    private final Message message = sentMessage();
    private final MessageSid sid = message.sid().orElseThrow();
    private final Selection everything = new Selection(ORG, Instant.EPOCH, NOW.plusSeconds(1), 100);

    @Test
    void a_batch_refused_for_a_stale_token_is_recorded_once_the_token_is_fixed_and_leaves_the_quarantine() {
        EventBatch batch = signed("rotated-token", status("DELIVERED", account));
        assertThat(recorder.record(batch)).isInstanceOf(BatchOutcome.Refused.class);
        assertThat(replays.list(Actors.PLATFORM, everything)).hasSize(1);

        assertThat(replays.replay(Actors.PLATFORM, everything)).as("the token is still the stale one").isEqualTo(new Replay(1, 0, 1));
        assertThat(store.find(message.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);

        accounts.with(new TwilioAccount(ORG, account, List.of("rotated-token")));
        assertThat(replays.replay(Actors.PLATFORM, everything)).isEqualTo(new Replay(1, 1, 0));

        assertThat(store.find(message.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(replays.list(Actors.PLATFORM, everything)).isEmpty();
        assertThat(quarantine.refused()).as("a replay never keeps a batch again").isEmpty();
    }

    @Test
    void a_batch_signed_for_the_public_base_url_of_today_verifies_against_it() {
        String today = "https://tracker.example.com/twilio-events?bodySHA256=abc";
        StreamedEvent sent = status("SENT", account);
        String body = body(sent);
        EventBatch batch = new EventBatch(BodyEchoSignatureVerifier.withBodyHash(URL, body), List.of(), body,
                BodyEchoSignatureVerifier.sign("stale-token", today, body), List.of(sent), NOW, "198.51.100.7");
        assertThat(recorder.record(batch)).isInstanceOf(BatchOutcome.Refused.class);

        assertThat(replays.replay(Actors.PLATFORM, everything)).isEqualTo(new Replay(1, 1, 0));
        assertThat(store.find(message.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void an_organization_sees_and_replays_only_the_batches_of_its_own_account() {
        recorder.record(signed("rotated-token", status("DELIVERED", account)));
        recorder.record(signed("stale-token", status("DELIVERED", otherAccount)));
        accounts.with(new TwilioAccount(ORG, account, List.of("rotated-token")));

        Selection theirs = new Selection(OTHER_ORG, Instant.EPOCH, NOW.plusSeconds(1), 100);
        assertThat(replays.list(Actors.PLATFORM, theirs)).singleElement()
                .satisfies(kept -> assertThat(kept.batch().body()).contains(otherAccount.value()));
        assertThat(replays.replay(Actors.PLATFORM, theirs)).as("signed with a token the other account never had")
                .isEqualTo(new Replay(1, 0, 1));
        assertThat(replays.replay(Actors.PLATFORM, everything)).isEqualTo(new Replay(1, 1, 0));
        assertThat(replays.list(Actors.PLATFORM, theirs)).hasSize(1);
    }

    @Test
    void a_batch_that_verifies_with_another_organizations_account_is_not_replayed_by_this_one() {
        // The events name both accounts; the signature is the other organization's.
        EventBatch batch = signed("other-token", status("DELIVERED", account), status("SENT", otherAccount));
        accounts.with(new TwilioAccount(OTHER_ORG, otherAccount, List.of("newer-token")));
        assertThat(recorder.record(batch)).isInstanceOf(BatchOutcome.Refused.class);
        accounts.with(new TwilioAccount(OTHER_ORG, otherAccount, List.of("other-token")));

        assertThat(replays.replay(Actors.PLATFORM, everything)).isEqualTo(new Replay(1, 0, 1));
        assertThat(store.find(message.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);
    }

    private EventBatch signed(String token, StreamedEvent... events) {
        String body = body(events);
        return new EventBatch(BodyEchoSignatureVerifier.withBodyHash(URL, body), List.of(), body,
                BodyEchoSignatureVerifier.sign(token, URL, body), List.of(events), NOW, "198.51.100.7");
    }

    private static String body(StreamedEvent... events) {
        return "[" + String.join(",", java.util.Arrays.stream(events).map(StreamedEvent::json).toList()) + "]";
    }

    private StreamedEvent status(String word, AccountSid sender) {
        String type = "com.twilio.messaging.message." + word.toLowerCase(java.util.Locale.ROOT);
        String id = "EV" + java.util.UUID.randomUUID().toString().replace("-", "");
        Map<String, String> data = Map.of("messageSid", sid.value(), "accountSid", sender.value(),
                "messageStatus", word);
        return new StreamedEvent(id, type, data, "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"data\":\""
                + data + "\"}");
    }

    private Message sentMessage() {
        Message pending = store.add(Message.pending(ORG, Address.sms("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hi"), Map.of(), Optional.empty(), NOW));
        return store.accepted(pending.id().get(), DeliveryEvent.of(DeliveryStoreContract.randomSid(),
                DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, NOW));
    }
}
