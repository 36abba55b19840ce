package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.FindConversation;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.OrganizationId;

/** Both sides of a conversation, read from the one store of messages, and the window the recipient opened. */
public final class ConversationService implements FindConversation {

    private final MessageQueries messages;
    private final InboundMessages received;

    public ConversationService(MessageQueries messages, InboundMessages received) {
        this.messages = messages;
        this.received = received;
    }

    @Override
    public Conversation with(Actor actor, OrganizationId organization, Address recipient, int limit) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "organization");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        return new Conversation(recipient, received.latestWindow(organization, recipient),
                messages.conversation(organization, recipient, limit));
    }
}
