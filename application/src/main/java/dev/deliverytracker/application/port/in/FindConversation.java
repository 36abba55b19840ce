package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.InboundMessage;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A conversation with one recipient: the messages the organization sent to them and the ones they sent
 * back (inbound messages from Twilio Event Streams), newest first, with their WhatsApp window.
 */
public interface FindConversation {

    int MAX_LIMIT = 200;

    Conversation with(OrganizationId organization, Address recipient, int limit);

    record Conversation(Address recipient, Optional<CustomerServiceWindow> window, List<Entry> entries) {

        public Conversation {
            entries = List.copyOf(entries);
        }
    }

    /** One message of the conversation, either way. */
    sealed interface Entry {

        Instant at();
    }

    /** A message the organization sent (its current state). */
    record Outgoing(MessageSummary message) implements Entry {

        @Override
        public Instant at() {
            return message.createdAt();
        }
    }

    /** A message the recipient sent. */
    record Incoming(InboundMessage message) implements Entry {

        @Override
        public Instant at() {
            return message.receivedAt();
        }
    }
}
