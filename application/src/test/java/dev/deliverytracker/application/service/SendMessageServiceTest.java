package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.deliverytracker.application.fake.InMemoryDeliveryStore;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.ContentSid;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendMessageServiceTest {

    private static final OrganizationId ORG = OrganizationId.of(1);

    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final SendMessageService service = new SendMessageService(store,
            Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_message_is_stored_pending_and_waits_in_the_outbox() {
        SendOutcome outcome = service.send(text("hello", "key-1"));
        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Accepted.class, accepted -> {
            assertThat(accepted.message().status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(store.isWaiting(accepted.message().id().get())).isTrue();
        });
    }

    @Test
    void the_same_key_and_request_again_answers_the_first_message() {
        SendOutcome.Accepted first = (SendOutcome.Accepted) service.send(text("hello", "key-1"));
        SendOutcome again = service.send(text("hello", "key-1"));
        assertThat(again).isEqualTo(new SendOutcome.Repeated(first.message()));
    }

    @Test
    void the_same_key_with_another_request_is_a_conflict_naming_the_first_message() {
        SendOutcome.Accepted first = (SendOutcome.Accepted) service.send(text("hello", "key-1"));
        SendOutcome other = service.send(text("goodbye", "key-1"));
        assertThat(other).isInstanceOfSatisfying(SendOutcome.IdempotencyConflict.class, conflict -> {
            assertThat(conflict.original()).isEqualTo(first.message().id().get());
            assertThat(conflict.reason()).contains("key-1").contains("different request");
        });
    }

    @Test
    void without_a_key_every_request_is_a_new_message() {
        SendOutcome.Accepted first = (SendOutcome.Accepted) service.send(text("hello", ""));
        SendOutcome.Accepted second = (SendOutcome.Accepted) service.send(text("hello", ""));
        assertThat(second.message().id()).isNotEqualTo(first.message().id());
    }

    @Test
    void a_template_differs_from_the_same_template_with_other_variables() {
        service.send(template(Map.of("1", "Ada"), "key-t"));
        assertThat(service.send(template(Map.of("1", "Grace"), "key-t")))
                .isInstanceOf(SendOutcome.IdempotencyConflict.class);
        assertThat(service.send(template(Map.of("1", "Ada"), "key-t"))).isInstanceOf(SendOutcome.Repeated.class);
    }

    @Test
    void bad_tags_and_keys_are_refused_with_the_field_named() {
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            tooMany.put("t" + i, "v");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> new SendMessageCommand(ORG, Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("x"), tooMany, ""))
                .withMessage("tags: at most 10 tags, was 11");
        assertThatIllegalArgumentException().isThrownBy(() -> new SendMessageCommand(ORG, Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("x"), Map.of("Bad Key", "v"), ""))
                .withMessageStartingWith("tags: a key must be");
        assertThatIllegalArgumentException().isThrownBy(() -> text("x", "has space"))
                .withMessageStartingWith("Idempotency-Key must be");
    }

    private static SendMessageCommand text(String body, String key) {
        return new SendMessageCommand(ORG, Address.whatsapp("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text(body), Map.of("campaign", "november"), key);
    }

    private static SendMessageCommand template(Map<String, String> variables, String key) {
        return new SendMessageCommand(ORG, Address.whatsapp("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Template(ContentSid.of("HX0123456789abcdef0123456789abcdef"), variables), Map.of(),
                key);
    }
}
