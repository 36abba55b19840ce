package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.InMemoryInboundMessages;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.ContentSid;
import dev.deliverytracker.domain.InboundMessage;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowCheckedSendMessageTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final OrganizationId ORG = OrganizationId.of(7);
    private static final Address CUSTOMER = Address.whatsapp("+31612345678");

    private final InMemoryInboundMessages inbound = new InMemoryInboundMessages();
    private final MovableClock clock = new MovableClock(NOW);
    private final List<SendMessageCommand> sent = new ArrayList<>();
    private final List<SendMessageCommand> warned = new ArrayList<>();
    private final WindowCheckedSendMessage send = new WindowCheckedSendMessage(command -> {
        sent.add(command);
        return new SendOutcome.Accepted(Message.pending(command.organization(), command.to(), command.sender(),
                command.content(), command.tags(), Optional.empty(), NOW));
    }, inbound, inbound, clock, warned::add);

    @Test
    void under_refuse_a_free_form_whatsapp_message_outside_the_window_is_refused_with_when_they_last_wrote() {
        inbound.set(ORG, WindowEnforcement.REFUSE);
        wrote(NOW.minus(Duration.ofHours(25)));

        assertThat(send.send(text(CUSTOMER))).isEqualTo(new SendOutcome.OutsideWindow(CUSTOMER,
                Optional.of(NOW.minus(Duration.ofHours(25)))));
        assertThat(send.send(text(Address.whatsapp("+31699999999")))).isEqualTo(
                new SendOutcome.OutsideWindow(Address.whatsapp("+31699999999"), Optional.empty()));
        assertThat(sent).isEmpty();
    }

    @Test
    void inside_the_window_templates_and_sms_are_sent_whatever_the_enforcement() {
        inbound.set(ORG, WindowEnforcement.REFUSE);
        wrote(NOW.minus(Duration.ofHours(23)));

        assertThat(send.send(text(CUSTOMER))).isInstanceOf(SendOutcome.Accepted.class);
        clock.advance(Duration.ofHours(2));
        assertThat(send.send(text(CUSTOMER))).as("the window closed meanwhile").isInstanceOf(SendOutcome.OutsideWindow.class);
        assertThat(send.send(command(CUSTOMER, new MessageContent.Template(ContentSid.of(
                "HX0123456789abcdef0123456789abcdef"), Map.of())))).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(send.send(text(Address.sms("+31612345678")))).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(sent).hasSize(3);
    }

    @Test
    void under_warn_it_is_sent_and_reported_and_off_does_not_look() {
        inbound.set(ORG, WindowEnforcement.WARN);
        assertThat(send.send(text(CUSTOMER))).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(warned).hasSize(1);

        inbound.set(ORG, WindowEnforcement.OFF);
        assertThat(send.send(text(CUSTOMER))).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(warned).hasSize(1);
        assertThat(sent).hasSize(2);
    }

    @Test
    void a_window_belongs_to_the_number_the_customer_wrote_to_when_the_send_names_its_number() {
        inbound.set(ORG, WindowEnforcement.REFUSE);
        wrote(NOW.minus(Duration.ofHours(1)));
        Sender written = new Sender.Number(Address.whatsapp("+14155238886"));
        Sender other = new Sender.Number(Address.whatsapp("+14155550000"));

        assertThat(send.send(from(written))).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(send.send(from(other))).as("the customer never wrote to this number")
                .isInstanceOf(SendOutcome.OutsideWindow.class);
        assertThat(send.send(text(CUSTOMER))).as("the default sender is picked later: any window counts")
                .isInstanceOf(SendOutcome.Accepted.class);
    }

    private static SendMessageCommand from(Sender sender) {
        return new SendMessageCommand(new ApiCaller(1, ORG), CUSTOMER, sender, new MessageContent.Text("Your parcel"),
                Map.of(), "");
    }

    private void wrote(Instant at) {
        inbound.add(new InboundMessage(ORG, MessageSid.of("SM0123456789abcdef0123456789abcdef"), CUSTOMER,
                Address.whatsapp("+14155238886"), "hello", at));
    }

    private static SendMessageCommand text(Address to) {
        return command(to, new MessageContent.Text("Your parcel is late"));
    }

    private static SendMessageCommand command(Address to, MessageContent content) {
        return new SendMessageCommand(new ApiCaller(1, ORG), to, Sender.organizationDefault(), content, Map.of(), "");
    }
}
