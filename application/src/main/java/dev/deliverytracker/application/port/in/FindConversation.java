package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ConversationMessage;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;
import java.util.Optional;

/**
 * A conversation with one recipient: the messages the organization sent them and the ones they sent
 * back (direction incoming, from Twilio Event Streams), newest first, with their WhatsApp window.
 */
public interface FindConversation {

    int MAX_LIMIT = 200;

    Conversation with(Actor actor, OrganizationId organization, Address recipient, int limit);

    record Conversation(Address recipient, Optional<CustomerServiceWindow> window, List<ConversationMessage> messages) {

        public Conversation {
            messages = List.copyOf(messages);
        }
    }
}
