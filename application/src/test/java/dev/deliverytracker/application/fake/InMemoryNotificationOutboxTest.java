package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.NotificationOutbox;
import dev.deliverytracker.application.port.out.StatusChange;
import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryNotificationOutboxTest extends NotificationOutboxContract {

    private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox(subscriptions);
    private final AtomicLong ids = new AtomicLong();

    @Override
    protected NotificationOutbox outbox() {
        return outbox;
    }

    @Override
    protected Subscriptions subscriptions() {
        return subscriptions;
    }

    @Override
    protected OrganizationId newOrganization() {
        return OrganizationId.of(ids.incrementAndGet());
    }

    @Override
    protected void commitChanges(OrganizationId org, int messages) {
        commit(org, Optional.empty(), messages);
    }

    @Override
    protected void commitChangesWithStatusCallback(OrganizationId org, URI statusCallback, int messages) {
        commit(org, Optional.of(statusCallback), messages);
    }

    private void commit(OrganizationId org, Optional<URI> statusCallback, int messages) {
        for (int i = 0; i < messages; i++) {
            MessageSid sid = DeliveryStoreContract.randomSid();
            Message message = Message.pending(org, Address.whatsapp("+31612345678"), Sender.organizationDefault(),
                    new MessageContent.Text("hi"), Map.of(), Optional.empty(), T0)
                    .withId(MessageId.of(ids.incrementAndGet())).acceptedAs(sid)
                    .apply(DeliveryEvent.of(sid, DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, T0));
            outbox.announce(new StatusChange("evt_" + UUID.randomUUID().toString().replace("-", ""), 1, message, T0,
                    statusCallback));
        }
    }
}
