package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.MessageFacts;
import dev.deliverytracker.application.port.out.UnpricedMessages;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;

class InMemoryUnpricedMessagesTest extends UnpricedMessagesContract {

    private final InMemoryUnpricedMessages fake = new InMemoryUnpricedMessages();

    @Override
    protected UnpricedMessages unpriced() {
        return fake;
    }

    @Override
    protected OrganizationId organization() {
        return OrganizationId.of(1);
    }

    @Override
    protected MessageId finished(OrganizationId organization, MessageSid sid, Instant lastChange, String body) {
        return fake.finished(organization, sid, lastChange, body);
    }

    @Override
    protected MessageId open(OrganizationId organization, MessageSid sid, Instant lastChange) {
        return fake.open(organization, sid, lastChange);
    }

    @Override
    protected MessageFacts kept(MessageId id) {
        return fake.kept(id);
    }
}
