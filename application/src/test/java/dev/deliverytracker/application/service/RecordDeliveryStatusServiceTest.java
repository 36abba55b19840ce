package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.InMemoryDeliveryStore;
import dev.deliverytracker.application.fake.InMemoryTwilioAccounts;
import dev.deliverytracker.application.fake.KeptRefusedCallbacks;
import dev.deliverytracker.application.fake.KeptRejectedCallbacks;
import dev.deliverytracker.application.fake.TokenEchoSignatureVerifier;
import dev.deliverytracker.application.fake.CountedRefusalBudget;
import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.RecordOutcome.Refusal;
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
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordDeliveryStatusServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String URL = "https://tracker.example.com/twilio-status";

    private final AccountSid account = DeliveryStoreContract.randomAccount();
    private final AccountSid otherAccount = DeliveryStoreContract.randomAccount();
    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final KeptRejectedCallbacks rejected = new KeptRejectedCallbacks();
    private final KeptRefusedCallbacks refused = new KeptRefusedCallbacks();
    private final InMemoryTwilioAccounts accounts = new InMemoryTwilioAccounts()
            .with(new TwilioAccount(OrganizationId.of(1), account, List.of("new-token", "old-token")))
            .with(new TwilioAccount(OrganizationId.of(2), otherAccount, List.of("other-token")));
    private final RecordDeliveryStatusService service = new RecordDeliveryStatusService(accounts,
            new TokenEchoSignatureVerifier(), store, rejected, refused, SignatureCheck.REQUIRED);

    private final Message message = sentMessage();
    private final MessageSid sid = message.sid().orElseThrow();

    @Test
    void a_signed_callback_is_recorded_and_moves_the_status() {
        RecordOutcome outcome = service.record(signed("new-token", URL, params("delivered")));
        assertThat(outcome).isEqualTo(new RecordOutcome.Recorded(message.id().get(), sid, DeliveryStatus.DELIVERED,
                DeliveryStatus.DELIVERED));
    }

    @Test
    void the_previous_token_still_verifies_during_a_rotation() {
        assertThat(service.record(signed("old-token", URL, params("sent"))))
                .isInstanceOf(RecordOutcome.Recorded.class);
    }

    @Test
    void a_callback_signed_with_another_organizations_token_is_refused_and_not_stored() {
        RecordOutcome outcome = service.record(signed("other-token", URL, params("delivered")));
        assertThat(outcome).isInstanceOfSatisfying(RecordOutcome.Refused.class,
                refused -> assertThat(refused.reason()).contains("does not match").contains(account.value()));
        assertThat(store.history(message.id().get())).extracting(DeliveryEvent::reportedStatus)
                .containsExactly("queued");
        assertThat(refused.kept()).singleElement().satisfies(kept -> {
            assertThat(kept.reason()).contains("does not match");
            assertThat(kept.callback().parameters()).containsKey("MessageStatus");
        });
    }

    @Test
    void refusals_are_named_by_cause_for_counting() {
        Map<String, List<String>> noAccount = params("sent");
        noAccount.remove("AccountSid");
        assertThat(service.record(signed("new-token", URL, noAccount)))
                .isInstanceOfSatisfying(RecordOutcome.Refused.class, r -> assertThat(r.cause()).isEqualTo(Refusal.NO_ACCOUNT));
        assertThat(service.record(signed("other-token", URL, params("sent"))))
                .isInstanceOfSatisfying(RecordOutcome.Refused.class, r -> assertThat(r.cause()).isEqualTo(Refusal.MISMATCH));
    }

    @Test
    void past_its_budget_a_source_s_refused_callbacks_are_not_kept_but_its_signed_ones_are_recorded() {
        CountedRefusalBudget budget = new CountedRefusalBudget(2);
        RecordDeliveryStatusService limited = new RecordDeliveryStatusService(accounts,
                new TokenEchoSignatureVerifier(), store, rejected, refused, SignatureCheck.REQUIRED, budget);

        List<RecordOutcome> forged = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            forged.add(limited.record(from("198.51.100.7", signed("forged", URL, params("failed")))));
        }
        RecordOutcome genuine = limited.record(from("198.51.100.7", signed("new-token", URL, params("delivered"))));
        RecordOutcome elsewhere = limited.record(from("203.0.113.1", signed("forged", URL, params("failed"))));

        assertThat(forged).extracting(outcome -> ((RecordOutcome.Refused) outcome).kept())
                .containsExactly(true, true, false, false, false);
        assertThat(refused.kept()).hasSize(3);
        assertThat(genuine).isInstanceOf(RecordOutcome.Recorded.class);
        assertThat(budget.taken("198.51.100.7")).as("a verified callback spends nothing").isEqualTo(5);
        assertThat(elsewhere).isInstanceOfSatisfying(RecordOutcome.Refused.class, r -> assertThat(r.kept()).isTrue());
    }

    @Test
    void a_signed_readable_callback_is_not_quarantined() {
        service.record(signed("new-token", URL, params("delivered")));
        assertThat(refused.kept()).isEmpty();
    }

    @Test
    void a_callback_without_a_signature_is_refused() {
        assertThat(service.record(new StatusCallback(URL, params("sent"), "", "", NOW)))
                .isEqualTo(new RecordOutcome.Refused(Refusal.NO_SIGNATURE, "X-Twilio-Signature header is missing", true));
    }

    @Test
    void a_callback_from_an_unknown_account_is_refused() {
        AccountSid stranger = DeliveryStoreContract.randomAccount();
        Map<String, List<String>> params = params("sent");
        params.put("AccountSid", List.of(stranger.value()));
        assertThat(service.record(signed("new-token", URL, params)))
                .isEqualTo(new RecordOutcome.Refused(Refusal.UNKNOWN_ACCOUNT,
                        "no organization sends through account " + stranger, true));
    }

    @Test
    void a_signed_callback_without_message_sid_is_rejected_and_kept() {
        Map<String, List<String>> params = params("sent");
        params.remove("MessageSid");
        RecordOutcome outcome = service.record(signed("new-token", URL, params));
        assertThat(outcome).isEqualTo(new RecordOutcome.Rejected("MessageSid is required"));
        assertThat(rejected.kept()).singleElement().satisfies(kept -> {
            assertThat(kept.reason()).isEqualTo("MessageSid is required");
            assertThat(kept.callback().parameters()).containsKey("MessageStatus");
        });
    }

    @Test
    void a_status_that_is_not_a_word_is_rejected_and_kept() {
        RecordOutcome outcome = service.record(signed("new-token", URL, params("<script>")));
        assertThat(outcome).isInstanceOfSatisfying(RecordOutcome.Rejected.class,
                r -> assertThat(r.reason()).startsWith("status must be a lower-case word"));
        assertThat(rejected.kept()).hasSize(1);
    }

    @Test
    void the_legacy_twins_are_read_when_the_new_names_are_absent() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("SmsSid", List.of(sid.value()));
        params.put("SmsStatus", List.of("delivered"));
        params.put("AccountSid", List.of(account.value()));
        assertThat(service.record(signed("new-token", URL, params))).isInstanceOf(RecordOutcome.Recorded.class);
    }

    @Test
    void our_message_id_in_the_url_attaches_a_callback_that_outran_the_send_response() {
        Message pending = store.add(Message.pending(OrganizationId.of(1), Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(), NOW));
        MessageSid early = DeliveryStoreContract.randomSid();
        Map<String, List<String>> params = params("sent");
        params.put("MessageSid", List.of(early.value()));
        String url = URL + "?mid=" + pending.id().get();
        RecordOutcome outcome = service.record(signed("new-token", url, params));
        assertThat(outcome).isEqualTo(new RecordOutcome.Recorded(pending.id().get(), early, DeliveryStatus.SENT,
                DeliveryStatus.SENT));
    }

    @Test
    void a_malformed_message_id_in_the_url_is_rejected() {
        RecordOutcome outcome = service.record(signed("new-token", URL + "?mid=abc", params("sent")));
        assertThat(outcome).isEqualTo(new RecordOutcome.Rejected("message id must be a positive whole number, was 'abc'"));
    }

    @Test
    void with_the_check_disabled_an_unsigned_callback_is_recorded() {
        RecordDeliveryStatusService unchecked = new RecordDeliveryStatusService(accounts,
                new TokenEchoSignatureVerifier(), store, rejected, refused, SignatureCheck.DISABLED);
        assertThat(unchecked.record(new StatusCallback(URL, params("sent"), "", "", NOW)))
                .isInstanceOf(RecordOutcome.Recorded.class);
    }

    private static StatusCallback from(String source, StatusCallback callback) {
        return new StatusCallback(callback.url(), callback.parameters(), callback.signature(),
                callback.idempotencyToken(), callback.receivedAt(), source);
    }

    private StatusCallback signed(String token, String url, Map<String, List<String>> params) {
        return new StatusCallback(url, params, TokenEchoSignatureVerifier.sign(token, url, params), "", NOW);
    }

    private Map<String, List<String>> params(String status) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("MessageSid", List.of(sid.value()));
        params.put("MessageStatus", List.of(status));
        params.put("AccountSid", List.of(account.value()));
        return params;
    }

    private Message sentMessage() {
        Message pending = store.add(Message.pending(OrganizationId.of(1), Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(), NOW));
        return store.accepted(pending.id().get(), DeliveryEvent.of(DeliveryStoreContract.randomSid(),
                DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, NOW));
    }
}
