package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.StatusChange;
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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationEventsTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void the_body_carries_the_event_and_the_message_as_the_api_shows_it() {
        MessageSid sid = MessageSid.of("SM0123456789abcdef0123456789abcdef");
        Message message = Message.pending(OrganizationId.of(1), Address.whatsapp("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of("team", "shop \"A\""),
                Optional.of("order-77"), T0).withId(MessageId.of(42)).acceptedAs(sid);
        message = message.apply(DeliveryEvent.of(sid, DeliveryStatus.UNDELIVERED,
                DeliveryError.of(63016, "Outside the allowed window\n"), EventSource.CALLBACK, T0.plusSeconds(3)));

        String body = NotificationEvents.body(new StatusChange("evt_1", 3, message, T0.plusSeconds(4)));

        assertThat(body).startsWith("{\"id\":\"evt_1\",\"type\":\"message.undelivered\","
                + "\"timestamp\":\"2026-12-01T10:00:04Z\",\"sequence\":3,\"version\":1,\"data\":{\"message\":{\"id\":\"42\","
                + "\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"channel\":\"whatsapp\"");
        assertThat(body).contains("\"status\":\"undelivered\"", "\"terminal\":true",
                "\"error\":{\"code\":63016,\"message\":\"Outside the allowed window\\n\",\"meaning\":",
                "\"suggestedAction\":", "\"milestones\":{\"failed\":\"2026-12-01T10:00:03Z\"}", "\"attempt\":1",
                "\"tags\":{\"team\":\"shop \\\"A\\\"\"}", "\"idempotencyKey\":\"order-77\"", "\"origin\":\"api\"");
    }

    @Test
    void an_adopted_message_is_announced_with_what_is_known_of_it() {
        MessageSid sid = MessageSid.of("SM0123456789abcdef0123456789abcdee");
        Message adopted = Message.adopted(OrganizationId.of(1), Address.sms("+31612345678"),
                new Sender.Number(Address.sms("+14155238886")), sid, T0).withId(MessageId.of(7))
                .apply(DeliveryEvent.of(sid, DeliveryStatus.DELIVERED, DeliveryError.NONE, EventSource.CALLBACK, T0));

        String body = NotificationEvents.body(new StatusChange("evt_2", 1, adopted, T0));

        assertThat(body).contains("\"type\":\"message.delivered\"", "\"origin\":\"external\"", "\"error\":null",
                "\"from\":\"+14155238886\"", "\"idempotencyKey\":null");
    }

    @Test
    void every_character_json_forbids_or_javascript_chokes_on_is_escaped_wherever_it_stands() {
        Message message = Message.pending(OrganizationId.of(1), Address.sms("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hi"), Map.of("a", "plain", "b", "x\\y\u0001z\u2028\"end\"\t"), Optional.empty(),
                T0).withId(MessageId.of(9));

        String body = NotificationEvents.body(new StatusChange("evt_3", 1, message, T0));

        assertThat(body).contains("\"tags\":{\"a\":\"plain\",\"b\":\"x\\\\y\\u0001z\\u2028\\\"end\\\"\\t\"}");
    }
}
