package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.domain.OrganizationId;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryInboundMessagesTest extends InboundMessagesContract {

    private final InMemoryMessageQueries messages = new InMemoryMessageQueries();
    private final InMemoryInboundMessages store = new InMemoryInboundMessages(messages);
    private final AtomicLong organizations = new AtomicLong();

    @Override
    protected InboundMessages inbound() {
        return store;
    }

    @Override
    protected WindowEnforcements enforcements() {
        return store;
    }

    @Override
    protected MessageQueries messages() {
        return messages;
    }

    @Override
    protected OrganizationId newOrganization() {
        return OrganizationId.of(organizations.incrementAndGet());
    }
}
