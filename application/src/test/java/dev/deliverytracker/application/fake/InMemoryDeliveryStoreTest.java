package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.FailedMessages;
import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryDeliveryStoreTest extends DeliveryStoreContract {

    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final AtomicLong organizations = new AtomicLong();

    @Override
    protected MessageStore messages() {
        return store;
    }

    @Override
    protected DeliveryLog log() {
        return store;
    }

    @Override
    protected FailedMessages failedMessages() {
        return store;
    }

    @Override
    protected Outbox outbox() {
        return store;
    }

    @Override
    protected Message stored(Message pending) {
        return store.add(pending);
    }

    @Override
    protected Optional<Message> reloaded(MessageId id) {
        return store.find(id);
    }

    @Override
    protected Optional<Message> reloadedBySid(MessageSid sid) {
        return store.findBySid(sid);
    }

    @Override
    protected List<DeliveryEvent> history(MessageId id) {
        return store.history(id);
    }

    @Override
    protected OrganizationId organizationWith(AccountSid account) {
        return OrganizationId.of(organizations.incrementAndGet());
    }
}
