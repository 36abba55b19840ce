package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.TimelineEvent;
import dev.deliverytracker.application.port.out.MessageQueries;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The fake, fed as a store would feed the database: the domain's {@link Message} moved by each event. */
class InMemoryMessageQueriesTest extends MessageQueriesContract {

    private final InMemoryMessageQueries queries = new InMemoryMessageQueries();
    private final AtomicLong ids = new AtomicLong();
    private final Map<MessageId, Message> messages = new HashMap<>();
    private final Map<MessageId, List<TimelineEvent>> history = new HashMap<>();

    @Override
    protected MessageQueries queries() {
        return queries;
    }

    @Override
    protected OrganizationId newOrganization() {
        return OrganizationId.of(ids.incrementAndGet());
    }

    @Override
    protected MessageId pending(OrganizationId org, Address to, Map<String, String> tags, Instant createdAt) {
        MessageId id = MessageId.of(ids.incrementAndGet());
        messages.put(id, Message.pending(org, to, Sender.organizationDefault(), new MessageContent.Text("hi"), tags,
                Optional.empty(), createdAt).withId(id));
        history.put(id, new ArrayList<>());
        publish(id);
        return id;
    }

    @Override
    protected void accepted(OrganizationId org, MessageId id, MessageSid sid, Instant at) {
        messages.put(id, messages.get(id).acceptedAs(sid)
                .apply(DeliveryEvent.of(sid, DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, at)));
        history.get(id).add(new TimelineEvent("queued", DeliveryError.NONE, EventSource.SEND_RESPONSE, at, sid.value(),
                Optional.of(Map.of())));
        publish(id);
    }

    @Override
    protected void reported(OrganizationId org, MessageId id, MessageSid sid, DeliveryStatus status, DeliveryError error,
            Instant at) {
        messages.put(id, messages.get(id).apply(DeliveryEvent.of(sid, status, error, EventSource.CALLBACK, at)));
        history.get(id).add(new TimelineEvent(status.wireName(), error, EventSource.CALLBACK, at, sid.value(),
                Optional.of(Map.of("MessageSid", List.of(sid.value()), "MessageStatus", List.of(status.wireName())))));
        publish(id);
    }

    @Override
    protected void sendFailed(OrganizationId org, MessageId id, DeliveryError error, Instant at) {
        messages.put(id, messages.get(id).sendFailed(error, at));
        history.get(id).add(new TimelineEvent("failed", error, EventSource.SEND_FAILURE, at, "", Optional.of(Map.of())));
        publish(id);
    }

    private void publish(MessageId id) {
        Message message = messages.get(id);
        List<TimelineEvent> events = history.get(id).stream()
                .sorted(Comparator.comparing(TimelineEvent::receivedAt)).toList();
        queries.add(message.organization(), summary(id, message), events);
    }

    private static MessageSummary summary(MessageId id, Message message) {
        String from = message.sender() instanceof Sender.Number number ? number.address().e164()
                : message.sender() instanceof Sender.Service service ? service.sid().value() : "";
        return new MessageSummary(id, message.channel(), message.to().e164(), from,
                message.sid().map(MessageSid::value).orElse(""), message.status(), message.error(), message.tags(),
                message.milestones(), message.attempts(), message.createdAt(), message.origin());
    }
}
