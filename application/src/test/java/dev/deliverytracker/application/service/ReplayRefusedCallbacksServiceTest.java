package dev.deliverytracker.application.service;

import dev.deliverytracker.application.fake.Actors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.InMemoryDeliveryStore;
import dev.deliverytracker.application.fake.InMemoryTwilioAccounts;
import dev.deliverytracker.application.fake.KeptRefusedCallbacks;
import dev.deliverytracker.application.fake.KeptRejectedCallbacks;
import dev.deliverytracker.application.fake.TokenEchoSignatureVerifier;
import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks.Replay;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks.Selection;
import dev.deliverytracker.application.port.StatusCallback;
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
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayRefusedCallbacksServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String WRONG = "http://10.0.0.7:8080/twilio-status";
    private static final String RIGHT = "https://tracker.example.com/twilio-status";
    private static final OrganizationId ORG = OrganizationId.of(1);
    private static final OrganizationId OTHER = OrganizationId.of(2);

    private final AccountSid account = DeliveryStoreContract.randomAccount();
    private final AccountSid otherAccount = DeliveryStoreContract.randomAccount();
    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final KeptRefusedCallbacks quarantine = new KeptRefusedCallbacks();
    private final InMemoryTwilioAccounts accounts = new InMemoryTwilioAccounts()
            .with(new TwilioAccount(ORG, account, List.of("token")))
            .with(new TwilioAccount(OTHER, otherAccount, List.of("other-token")));
    private final RecordDeliveryStatusService recorder = new RecordDeliveryStatusService(accounts,
            new TokenEchoSignatureVerifier(), store, new KeptRejectedCallbacks(), quarantine, SignatureCheck.REQUIRED);
    /** Today's settings put every callback under the right public base URL. */
    private final ReplayRefusedCallbacksService replays = new ReplayRefusedCallbacksService(accounts, quarantine,
            recorder, url -> url.replace("http://10.0.0.7:8080", "https://tracker.example.com"));

    private final Message message = acceptedMessage(ORG);

    @Test
    void callbacks_refused_under_a_wrong_url_are_recorded_by_a_replay_and_leave_the_quarantine() {
        // Twilio signed the public URL; the service, behind a proxy and without PUBLIC_BASE_URL, checked its own.
        assertThat(recorder.record(signedFor(RIGHT, "token", WRONG, account, "sent", NOW)))
                .isInstanceOf(RecordOutcome.Refused.class);
        assertThat(recorder.record(signedFor(RIGHT, "token", WRONG, account, "delivered", NOW.plusSeconds(1))))
                .isInstanceOf(RecordOutcome.Refused.class);

        Replay replay = replays.replay(Actors.PLATFORM, everything(ORG));

        assertThat(replay).isEqualTo(new Replay(2, 2, 0));
        assertThat(store.find(message.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(store.history(message.id().get())).extracting(DeliveryEvent::reportedStatus)
                .containsExactly("queued", "sent", "delivered");
        assertThat(quarantine.kept()).isEmpty();
    }

    @Test
    void a_callback_that_still_does_not_verify_stays_in_the_quarantine() {
        recorder.record(signedFor(RIGHT, "forged-token", WRONG, account, "failed", NOW));

        assertThat(replays.replay(Actors.PLATFORM, everything(ORG))).isEqualTo(new Replay(1, 0, 1));
        assertThat(quarantine.kept()).hasSize(1);
        assertThat(store.find(message.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);
    }

    @Test
    void an_organization_sees_and_replays_only_its_own_accounts_callbacks() {
        recorder.record(signedFor(RIGHT, "token", WRONG, account, "sent", NOW));
        recorder.record(signedFor(RIGHT, "other-token", WRONG, otherAccount, "sent", NOW));

        assertThat(replays.list(Actors.PLATFORM, everything(OTHER))).singleElement()
                .satisfies(kept -> assertThat(kept.callback().first("AccountSid")).hasValue(otherAccount.value()));
        assertThat(replays.replay(Actors.PLATFORM, everything(OTHER))).isEqualTo(new Replay(1, 1, 0));
        assertThat(replays.list(Actors.PLATFORM, everything(ORG))).hasSize(1);
        assertThat(replays.replay(Actors.PLATFORM, everything(OrganizationId.of(99)))).isEqualTo(new Replay(0, 0, 0));
    }

    @Test
    void a_replay_takes_the_range_and_limit_asked_for_oldest_first() {
        for (int i = 0; i < 5; i++) {
            recorder.record(signedFor(RIGHT, "token", WRONG, account, "sent", NOW.plusSeconds(i)));
        }
        assertThat(replays.replay(Actors.PLATFORM, new Selection(ORG, NOW.plusSeconds(1), NOW.plusSeconds(10), 2)))
                .isEqualTo(new Replay(2, 2, 0));
        assertThat(quarantine.kept()).extracting(kept -> kept.callback().receivedAt())
                .containsExactly(NOW, NOW.plusSeconds(3), NOW.plusSeconds(4));
    }

    @Test
    void a_selection_outside_its_bounds_is_refused_naming_the_field() {
        assertThatThrownBy(() -> new Selection(ORG, NOW, NOW, 10)).hasMessageContaining("from must be before to");
        assertThatThrownBy(() -> new Selection(ORG, NOW, NOW.plusSeconds(1), 1001))
                .hasMessageContaining("limit must be 1 to 1000, was 1001");
    }

    private static Selection everything(OrganizationId organization) {
        return new Selection(organization, Instant.EPOCH, NOW.plusSeconds(3600), 100);
    }

    /** A callback Twilio signed for {@code signedUrl} that reached the service as {@code receivedAs}. */
    private StatusCallback signedFor(String signedUrl, String token, String receivedAs, AccountSid from, String status,
            Instant at) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("MessageSid", List.of(message.sid().get().value()));
        form.put("MessageStatus", List.of(status));
        form.put("AccountSid", List.of(from.value()));
        return new StatusCallback(receivedAs, form, TokenEchoSignatureVerifier.sign(token, signedUrl, form), "", at);
    }

    private Message acceptedMessage(OrganizationId organization) {
        Message pending = store.add(Message.pending(organization, Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(), NOW));
        return store.accepted(pending.id().get(), DeliveryEvent.of(DeliveryStoreContract.randomSid(),
                DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, NOW));
    }
}
