package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.StaleMessages;
import dev.deliverytracker.domain.AccountSid;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The fake over an {@link InMemoryDeliveryStore}, its clock set to each change's moment as it is made. */
class InMemoryStaleMessagesTest extends StaleMessagesContract {

    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final MovableClock clock = new MovableClock(LONG_AGO);
    private final InMemoryStaleMessages stale = new InMemoryStaleMessages(store, clock);
    private final AtomicLong organizations = new AtomicLong();
    private final AccountSid account = DeliveryStoreContract.randomAccount();

    @Override
    protected StaleMessages stale() {
        return stale;
    }

    @Override
    protected OrganizationId newOrganization() {
        return OrganizationId.of(organizations.incrementAndGet());
    }

    @Override
    protected MessageId acceptedAt(OrganizationId org, MessageSid sid, Instant changedAt) {
        MessageId id = store.add(Message.pending(org, Address.whatsapp("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hi"), Map.of(), Optional.empty(), changedAt.minus(Duration.ofMinutes(1))))
                .id().orElseThrow();
        store.accepted(id, DeliveryEvent.of(sid, DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE,
                changedAt));
        clock.set(changedAt);
        stale.watch(id);
        return id;
    }

    @Override
    protected void movedAt(OrganizationId org, MessageId id, MessageSid sid, DeliveryStatus status, Instant changedAt) {
        store.append(new ReportedEvent(DeliveryEvent.of(sid, status, DeliveryError.NONE, EventSource.CALLBACK, changedAt),
                MessageLookup.byId(id), org, account, Map.of(), ""));
        clock.set(changedAt);
        stale.noticeChanges();
    }
}
