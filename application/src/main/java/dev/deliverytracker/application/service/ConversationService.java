package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.in.FindConversation;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.OrganizationId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Both sides of a conversation from their own stores, merged newest first. */
public final class ConversationService implements FindConversation {

    private final MessageQueries sent;
    private final InboundMessages received;

    public ConversationService(MessageQueries sent, InboundMessages received) {
        this.sent = sent;
        this.received = received;
    }

    @Override
    public Conversation with(OrganizationId organization, Address recipient, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        List<Entry> entries = new ArrayList<>();
        sent.page(MessageFilter.all(organization).withTo(recipient), Optional.empty(), limit)
                .forEach(message -> entries.add(new Outgoing(message)));
        received.from(organization, recipient, limit).forEach(message -> entries.add(new Incoming(message)));
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return new Conversation(recipient, received.latestWindow(organization, recipient),
                entries.subList(0, Math.min(limit, entries.size())));
    }
}
