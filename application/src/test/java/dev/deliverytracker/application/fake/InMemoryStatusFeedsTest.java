package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.StatusChange;
import dev.deliverytracker.application.port.out.StatusFeedOutbox;
import dev.deliverytracker.application.service.NotificationEvents;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

class InMemoryStatusFeedsTest extends StatusFeedOutboxContract {

    private static final List<DeliveryStatus> STORY = List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENT, DeliveryStatus.DELIVERED,
            DeliveryStatus.READ);

    private final InMemoryStatusFeeds feeds = new InMemoryStatusFeeds();
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox(new InMemorySubscriptions(), feeds);
    private long nextMessage = 1;

    @Override
    protected StatusFeedOutbox feeds() {
        return feeds;
    }

    @Override
    protected List<Committed> commit(int messages, int changesEach) {
        List<Committed> committed = new ArrayList<>();
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        for (int m = 0; m < messages; m++) {
            MessageSid sid = DeliveryStoreContract.randomSid();
            Message message = Message.pending(OrganizationId.of(1), Address.whatsapp("+31612345678"),
                    Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(), at)
                    .withId(MessageId.of(nextMessage++)).acceptedAs(sid);
            for (int c = 0; c < changesEach; c++) {
                message = message.apply(DeliveryEvent.of(sid, STORY.get(c), DeliveryError.NONE, EventSource.CALLBACK,
                        at.plusSeconds(c)));
                String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
                outbox.announce(new StatusChange(eventId, c + 1, message, at.plusSeconds(c)));
                committed.add(new Committed(eventId, message.id().orElseThrow().toString(),
                        NotificationEvents.type(message.status())));
            }
        }
        while (outbox.fanOut(100, NotificationEvents.PLANNER) > 0) {
            // everything waiting goes along
        }
        return committed;
    }
}
