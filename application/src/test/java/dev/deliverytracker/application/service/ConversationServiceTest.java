package dev.deliverytracker.application.service;

import dev.deliverytracker.application.fake.Actors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.InMemoryInboundMessages;
import dev.deliverytracker.application.fake.InMemoryMessageQueries;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.in.FindConversation;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Direction;
import dev.deliverytracker.domain.InboundMessage;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.Milestones;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationServiceTest {

    private static final Instant T = Instant.parse("2026-11-24T12:00:00Z");
    private static final OrganizationId ORG = OrganizationId.of(3);
    private static final Address CUSTOMER = Address.whatsapp("+31612345678");
    private static final Address BUSINESS = Address.whatsapp("+14155238886");

    private final InMemoryMessageQueries sent = new InMemoryMessageQueries();
    private final InMemoryInboundMessages received = new InMemoryInboundMessages(sent);
    private final ConversationService conversations = new ConversationService(sent, received);

    @Test
    void both_sides_of_a_conversation_come_newest_first_with_the_window() {
        sent.add(ORG, sent(1, CUSTOMER, T));
        sent.add(ORG, sent(2, Address.whatsapp("+31600000000"), T.plusSeconds(30)));
        received.add(new InboundMessage(ORG, MessageSid.of("SM0123456789abcdef0123456789abcdef"), CUSTOMER, BUSINESS,
                "thanks!", T.plus(Duration.ofMinutes(5))));
        sent.add(ORG, sent(3, CUSTOMER, T.plus(Duration.ofMinutes(6))));

        FindConversation.Conversation conversation = conversations.with(Actors.PLATFORM, ORG, CUSTOMER, 10);

        assertThat(conversation.messages()).extracting(entry -> entry.message().direction() == Direction.OUTGOING
                ? "out " + entry.message().id() : "in " + entry.body())
                .containsExactly("out 3", "in thanks!", "out 1");
        assertThat(conversation.window()).hasValueSatisfying(window ->
                assertThat(window.closesAt()).isEqualTo(T.plus(Duration.ofMinutes(5)).plus(Duration.ofHours(24))));
        assertThat(conversations.with(Actors.PLATFORM, ORG, CUSTOMER, 2).messages()).hasSize(2);
    }

    @Test
    void a_message_to_the_customer_on_another_channel_is_another_conversation() {
        sent.add(ORG, sent(1, CUSTOMER, T));
        sent.add(ORG, new MessageSummary(MessageId.of(2), Channel.SMS, CUSTOMER.e164(), "", "",
                DeliveryStatus.DELIVERED, DeliveryError.NONE, Map.of(), Milestones.none(), 1, T,
                dev.deliverytracker.domain.Origin.API));

        assertThat(conversations.with(Actors.PLATFORM, ORG, CUSTOMER, 10).messages()).extracting(entry -> entry.message().id())
                .containsExactly(MessageId.of(1));
    }

    private static MessageSummary sent(long id, Address to, Instant at) {
        return new MessageSummary(MessageId.of(id), Channel.WHATSAPP, to.e164(), "", "", DeliveryStatus.DELIVERED,
                DeliveryError.NONE, Map.of(), Milestones.none(), 1, at, dev.deliverytracker.domain.Origin.API);
    }
}
