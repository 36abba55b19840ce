package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.StatisticsInterval;

import dev.deliverytracker.application.port.ConversationMessage;
import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.TimelineEvent;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Messages held in memory for the query use cases: a message, its timeline, lists, exports and the
 * failures by code are answered from them as the SQL answers ({@link MessageQueriesContract}); the
 * statistics are whatever a test sets, since reading the rollup is the database's job. Failure counts
 * a test sets win over the counted ones.
 */
public class InMemoryMessageQueries implements MessageQueries {

    private static final Comparator<MessageSummary> NEWEST_FIRST = Comparator
            .comparing(MessageSummary::createdAt).thenComparing(message -> message.id().value()).reversed();

    /** By id: adding a message again (its status moved) replaces it, as a row is updated. */
    private final Map<MessageId, Map.Entry<OrganizationId, MessageSummary>> messages = new LinkedHashMap<>();
    private final Map<MessageId, List<TimelineEvent>> events = new HashMap<>();
    private final Map<MessageId, String> bodies = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<FailureCount> failures = new ArrayList<>();
    private final List<StatusCount> statusCounts = new ArrayList<>();
    private final List<DeliveryTimeCount> deliveryTimes = new ArrayList<>();
    private final List<SenderCount> senderCounts = new ArrayList<>();
    private final List<ErrorCountRow> errorCounts = new ArrayList<>();
    private final List<OriginCount> originCounts = new ArrayList<>();

    public InMemoryMessageQueries add(OrganizationId organization, MessageSummary message, TimelineEvent... history) {
        return add(organization, message, List.of(history));
    }

    public synchronized InMemoryMessageQueries add(OrganizationId organization, MessageSummary message,
            List<TimelineEvent> history) {
        messages.put(message.id(), Map.entry(organization, message));
        events.put(message.id(), List.copyOf(history));
        return this;
    }

    public InMemoryMessageQueries failures(FailureCount... counts) {
        failures.addAll(List.of(counts));
        return this;
    }

    public InMemoryMessageQueries statistics(List<StatusCount> counts, List<DeliveryTimeCount> times,
            List<ErrorCountRow> errors) {
        statusCounts.addAll(counts);
        deliveryTimes.addAll(times);
        errorCounts.addAll(errors);
        return this;
    }

    public InMemoryMessageQueries senders(List<SenderCount> counts) {
        senderCounts.addAll(counts);
        return this;
    }

    public InMemoryMessageQueries origins(List<OriginCount> counts) {
        originCounts.addAll(counts);
        return this;
    }

    @Override
    public List<OriginCount> originCounts(OrganizationId organization, TimeRange created) {
        return List.copyOf(originCounts);
    }

    @Override
    public Optional<MessageSummary> find(OrganizationId organization, MessageId id) {
        return of(organization).filter(message -> message.id().equals(id)).findFirst();
    }

    @Override
    public List<TimelineEvent> events(OrganizationId organization, MessageId id, boolean withPayload) {
        return find(organization, id).map(message -> events.get(id).stream()
                .map(event -> withPayload ? event : new TimelineEvent(event.reportedStatus(), event.error(),
                        event.source(), event.receivedAt(), event.sid(), Optional.empty()))
                .toList()).orElse(List.of());
    }

    @Override
    public List<MessageSummary> page(MessageFilter filter, Optional<MessageCursor> after, int limit) {
        return matching(filter)
                .filter(message -> after.map(cursor -> NEWEST_FIRST.compare(message,
                        probe(cursor)) > 0).orElse(true))
                .limit(limit).toList();
    }

    @Override
    public List<ConversationMessage> conversation(OrganizationId organization, Address person, int limit) {
        return of(organization).filter(message -> message.channel() == person.channel())
                .filter(message -> person.e164().equals(message.counterpart()))
                .sorted(NEWEST_FIRST).limit(limit)
                .map(message -> new ConversationMessage(message, bodies.getOrDefault(message.id(), ""))).toList();
    }

    /** The text of a message added before, as conversations show it. */
    public synchronized InMemoryMessageQueries body(MessageId id, String body) {
        bodies.put(id, body);
        return this;
    }

    @Override
    public long each(MessageFilter filter, Consumer<MessageSummary> sink) {
        return matching(filter).peek(sink).count();
    }

    @Override
    public List<FailureCount> failures(OrganizationId organization, TimeRange failedBetween) {
        if (!failures.isEmpty()) {
            return List.copyOf(failures);
        }
        // Nothing set: counted from the messages as the SQL counts them (MessageQueriesContract).
        Map<Integer, long[]> byCode = new java.util.TreeMap<>();
        of(organization).filter(message -> message.status() == dev.deliverytracker.domain.DeliveryStatus.FAILED
                        || message.status() == dev.deliverytracker.domain.DeliveryStatus.UNDELIVERED)
                .filter(message -> message.milestones().at(dev.deliverytracker.domain.Milestone.FAILED)
                        .filter(at -> !at.isBefore(failedBetween.from()) && at.isBefore(failedBetween.until()))
                        .isPresent())
                .forEach(message -> byCode.computeIfAbsent(message.error().code(), code -> new long[2])
                        [message.status() == dev.deliverytracker.domain.DeliveryStatus.FAILED ? 0 : 1]++);
        return byCode.entrySet().stream()
                .map(entry -> new FailureCount(entry.getKey(), entry.getValue()[0], entry.getValue()[1])).toList();
    }

    @Override
    public List<StatusCount> statusCounts(OrganizationId organization, TimeRange created, StatisticsInterval interval,
            Optional<Origin> origin) {
        return List.copyOf(statusCounts);
    }

    @Override
    public List<DeliveryTimeCount> deliveryTimes(OrganizationId organization, TimeRange created, StatisticsInterval interval,
            Optional<Origin> origin) {
        return List.copyOf(deliveryTimes);
    }

    @Override
    public List<SenderCount> senderCounts(OrganizationId organization, TimeRange created, Optional<Origin> origin) {
        return List.copyOf(senderCounts);
    }

    @Override
    public List<ErrorCountRow> errorCounts(OrganizationId organization, TimeRange created, StatisticsInterval interval,
            Optional<Origin> origin) {
        return List.copyOf(errorCounts);
    }

    private Stream<MessageSummary> of(OrganizationId organization) {
        List<Map.Entry<OrganizationId, MessageSummary>> all;
        synchronized (this) {
            all = List.copyOf(messages.values());
        }
        return all.stream().filter(entry -> entry.getKey().equals(organization)).map(Map.Entry::getValue);
    }

    private Stream<MessageSummary> matching(MessageFilter filter) {
        return of(filter.organization())
                .filter(message -> filter.status().map(message.status()::equals).orElse(true))
                .filter(message -> filter.channel().map(message.channel()::equals).orElse(true))
                .filter(message -> filter.origin().map(message.origin()::equals).orElse(true))
                .filter(message -> filter.direction().map(message.direction()::equals).orElse(true))
                .filter(message -> filter.to().map(to -> to.e164().equals(message.to())).orElse(true))
                .filter(message -> filter.errorCode().map(code -> code == message.error().code()).orElse(true))
                .filter(message -> filter.tag().map(tag -> tag.value().equals(message.tags().get(tag.key())))
                        .orElse(true))
                .filter(message -> filter.createdFrom().map(from -> !message.createdAt().isBefore(from)).orElse(true))
                .filter(message -> filter.createdUntil().map(message.createdAt()::isBefore).orElse(true))
                .filter(message -> filter.sidPrefix().map(prefix -> message.sid().startsWith(prefix)).orElse(true))
                .sorted(NEWEST_FIRST);
    }

    private static MessageSummary probe(MessageCursor cursor) {
        return new MessageSummary(cursor.id(), dev.deliverytracker.domain.Channel.SMS, "", "", "",
                dev.deliverytracker.domain.DeliveryStatus.PENDING, dev.deliverytracker.domain.DeliveryError.NONE,
                Map.of(), dev.deliverytracker.domain.Milestones.none(), 0, cursor.createdAt(),
                dev.deliverytracker.domain.Origin.API);
    }
}
