package dev.deliverytracker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerServiceWindowTest {

    private static final Instant WROTE = Instant.parse("2026-11-24T12:00:00Z");
    private static final Address CUSTOMER = Address.whatsapp("+31612345678");
    private static final Address BUSINESS = Address.whatsapp("+14155238886");

    @Test
    void the_window_is_open_for_24_hours_after_the_customer_last_wrote_and_closed_from_then_on() {
        CustomerServiceWindow window = new CustomerServiceWindow(CUSTOMER, BUSINESS, WROTE);

        assertThat(window.closesAt()).isEqualTo(WROTE.plus(Duration.ofHours(24)));
        assertThat(window.isOpenAt(WROTE)).isTrue();
        assertThat(window.isOpenAt(WROTE.plus(Duration.ofHours(24)).minusMillis(1))).isTrue();
        assertThat(window.isOpenAt(WROTE.plus(Duration.ofHours(24)))).isFalse();
    }

    @Test
    void only_free_form_whatsapp_messages_need_the_window() {
        assertThat(CustomerServiceWindow.isNeededFor(CUSTOMER, new MessageContent.Text("hi"))).isTrue();
        assertThat(CustomerServiceWindow.isNeededFor(CUSTOMER, new MessageContent.Template(
                ContentSid.of("HX0123456789abcdef0123456789abcdef"), Map.of()))).isFalse();
        assertThat(CustomerServiceWindow.isNeededFor(Address.sms("+31612345678"), new MessageContent.Text("hi")))
                .isFalse();
    }

    @Test
    void an_inbound_message_opens_the_window_of_its_sender_to_the_number_it_reached_and_refuses_mixed_channels() {
        InboundMessage message = new InboundMessage(OrganizationId.of(1), MessageSid.of(
                "SM0123456789abcdef0123456789abcdef"), CUSTOMER, BUSINESS, "hi\u0000", WROTE);

        assertThat(message.window()).isEqualTo(new CustomerServiceWindow(CUSTOMER, BUSINESS, WROTE));
        assertThat(message.body()).isEqualTo("hi");
        assertThatThrownBy(() -> new InboundMessage(OrganizationId.of(1), MessageSid.of(
                "SM0123456789abcdef0123456789abcdef"), CUSTOMER, Address.sms("+14155238886"), "hi", WROTE))
                .hasMessageContaining("one channel");
    }
}
