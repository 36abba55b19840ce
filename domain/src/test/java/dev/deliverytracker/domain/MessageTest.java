package dev.deliverytracker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageTest {

    private static final MessageSid SID = MessageSid.of("SM0123456789abcdef0123456789abcdef");
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final Message message = Message.pending(OrganizationId.of(7), Address.sms("+31612345678"),
            Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of("campaign", "november"),
            Optional.of("key-1"), T0).acceptedAs(SID);

    @Test
    void a_new_message_is_pending_without_a_sid() {
        Message fresh = Message.pending(OrganizationId.of(7), Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(), T0);
        assertThat(fresh.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(fresh.sid()).isEmpty();
        assertThat(fresh.id()).isEmpty();
        assertThat(fresh.attempts()).isZero();
    }

    @Test
    void each_milestone_keeps_the_earliest_time_it_was_reached() {
        Message delivered = message
                .apply(event("delivered", T0.plusSeconds(10)))
                .apply(event("delivered", T0.plusSeconds(40)))
                .apply(event("sent", T0.plusSeconds(5)));
        assertThat(delivered.milestones().at(Milestone.DELIVERED)).contains(T0.plusSeconds(10));
        assertThat(delivered.milestones().at(Milestone.SENT)).contains(T0.plusSeconds(5));
        assertThat(delivered.milestones().at(Milestone.READ)).isEmpty();
    }

    @Test
    void a_late_failure_keeps_the_delivery_and_is_remembered_as_a_milestone() {
        Message afterFailure = message.apply(event("delivered", T0.plusSeconds(10)))
                .apply(new DeliveryEvent(SID, "undelivered", DeliveryError.of(30005, ""), EventSource.CALLBACK,
                        T0.plusSeconds(20)));
        assertThat(afterFailure.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(afterFailure.error()).isEqualTo(DeliveryError.NONE);
        assertThat(afterFailure.milestones().at(Milestone.FAILED)).contains(T0.plusSeconds(20));
    }

    @Test
    void a_failure_shows_its_error_code() {
        Message failed = message.apply(new DeliveryEvent(SID, "failed", DeliveryError.of(30007, "filtered"),
                EventSource.CALLBACK, T0));
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo(30007);
        assertThat(failed.isTerminal()).isTrue();
    }

    @Test
    void a_refused_send_fails_the_message_with_twilios_error() {
        Message pending = Message.pending(OrganizationId.of(7), Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(), T0);
        Message failed = pending.sendFailed(DeliveryError.of(21610, "unsubscribed"), T0.plusSeconds(1));
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo(21610);
        assertThat(failed.milestones().at(Milestone.FAILED)).contains(T0.plusSeconds(1));
        assertThat(failed.attempts()).isEqualTo(1);
    }

    @Test
    void a_send_failure_never_overrides_a_recorded_delivery() {
        Message delivered = message.apply(event("delivered", T0));
        assertThat(delivered.sendFailed(DeliveryError.of(30008, ""), T0.plusSeconds(1)).status())
                .isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void a_sender_on_another_channel_than_the_recipient_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Message.pending(OrganizationId.of(7),
                Address.whatsapp("+31612345678"), new Sender.Number(Address.sms("+31687654321")),
                new MessageContent.Text("hi"), Map.of(), Optional.empty(), T0))
                .withMessageContaining("is on channel sms but the recipient is on whatsapp");
    }

    private static DeliveryEvent event(String status, Instant at) {
        return new DeliveryEvent(SID, status, DeliveryError.NONE, EventSource.CALLBACK, at);
    }

    @Test
    void a_message_another_application_sent_is_adopted_with_its_sid_and_no_content_and_moves_like_any_other() {
        MessageSid sid = MessageSid.of("SM" + "d".repeat(32));
        Message adopted = Message.adopted(OrganizationId.of(3), Address.whatsapp("+31612345678"),
                new Sender.Number(Address.whatsapp("+14155238886")), sid, Instant.parse("2026-12-03T08:00:00Z"));

        assertThat(adopted.origin()).isEqualTo(Origin.EXTERNAL);
        assertThat(adopted.content()).isEqualTo(new MessageContent.Unknown());
        assertThat(adopted.sid()).contains(sid);
        Message read = adopted.apply(DeliveryEvent.of(sid, DeliveryStatus.READ, DeliveryError.NONE, EventSource.CALLBACK,
                Instant.parse("2026-12-03T08:00:05Z")));
        assertThat(read.status()).isEqualTo(DeliveryStatus.READ);
        assertThat(read.origin()).isEqualTo(Origin.EXTERNAL);
    }

    @Test
    void a_message_sent_through_the_api_always_says_something() {
        assertThatThrownBy(() -> Message.pending(OrganizationId.of(3), Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Unknown(), java.util.Map.of(), java.util.Optional.empty(),
                Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body or a template");
    }
}
