package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Direction;
import dev.deliverytracker.domain.InboundMessage;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.Milestones;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Origin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Inbound messages and window enforcements in memory, with the same promises as the tables. Given the
 * {@link InMemoryMessageQueries} of a test, each new message is also one of its messages, direction
 * incoming, as it is a row of {@code messages} in PostgreSQL.
 */
public final class InMemoryInboundMessages implements InboundMessages, WindowEnforcements {

    /** Ids of incoming messages, far from the ones tests give the messages they add. */
    private static final AtomicLong IDS = new AtomicLong(1_000_000_000L);

    private final Map<MessageSid, InboundMessage> messages = new LinkedHashMap<>();
    private final Map<OrganizationId, WindowEnforcement> enforcements = new HashMap<>();
    private final InMemoryMessageQueries queries;

    public InMemoryInboundMessages() {
        this(null);
    }

    public InMemoryInboundMessages(InMemoryMessageQueries queries) {
        this.queries = queries;
    }

    /** Once per SID, as Twilio's SIDs are unique: a SID another message holds is not taken again. */
    @Override
    public synchronized boolean add(InboundMessage message) {
        boolean added = messages.putIfAbsent(message.sid(), message) == null;
        if (added && queries != null) {
            MessageId id = MessageId.of(IDS.incrementAndGet());
            queries.add(message.organization(), new MessageSummary(id, message.channel(), message.to().e164(),
                    message.from().e164(), message.sid().value(), DeliveryStatus.RECEIVED, DeliveryError.NONE, Map.of(),
                    Milestones.none(), 0, message.receivedAt(), Origin.API, Direction.INCOMING));
            queries.body(id, message.body());
        }
        return added;
    }

    @Override
    public synchronized Optional<CustomerServiceWindow> latestWindow(OrganizationId organization, Address customer) {
        return messages.values().stream()
                .filter(message -> message.organization().equals(organization) && message.from().equals(customer))
                .max(Comparator.comparing(InboundMessage::receivedAt)).map(InboundMessage::window);
    }

    @Override
    public synchronized Optional<CustomerServiceWindow> latestWindow(OrganizationId organization, Address customer,
            Address business) {
        return messages.values().stream()
                .filter(message -> message.organization().equals(organization) && message.from().equals(customer)
                        && message.to().equals(business))
                .max(Comparator.comparing(InboundMessage::receivedAt)).map(InboundMessage::window);
    }

    @Override
    public synchronized List<CustomerServiceWindow> windowsSince(OrganizationId organization, Instant since, int limit) {
        Map<String, CustomerServiceWindow> latest = new HashMap<>();
        for (InboundMessage message : messages.values()) {
            if (message.organization().equals(organization) && !message.receivedAt().isBefore(since)) {
                latest.merge(message.from().toTwilio() + "|" + message.to().toTwilio(), message.window(),
                        (a, b) -> a.lastInboundAt().isAfter(b.lastInboundAt()) ? a : b);
            }
        }
        List<CustomerServiceWindow> windows = new ArrayList<>(latest.values());
        windows.sort(Comparator.comparing(CustomerServiceWindow::lastInboundAt).reversed());
        return windows.stream().limit(limit).toList();
    }

    @Override
    public synchronized WindowEnforcement of(OrganizationId organization) {
        return enforcements.getOrDefault(organization, WindowEnforcement.OFF);
    }

    @Override
    public synchronized void set(OrganizationId organization, WindowEnforcement enforcement) {
        enforcements.put(organization, enforcement);
    }

    public synchronized List<InboundMessage> all() {
        return List.copyOf(messages.values());
    }
}
