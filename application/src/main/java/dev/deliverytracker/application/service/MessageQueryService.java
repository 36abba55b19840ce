package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.ExportMessages;
import dev.deliverytracker.application.port.in.FindDeliveryHistory;
import dev.deliverytracker.application.port.in.ListMessages;
import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.Milestones;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Timelines, lists and exports of an organization's messages. */
public class MessageQueryService implements FindDeliveryHistory, ListMessages, ExportMessages {

    private final MessageQueries queries;

    public MessageQueryService(MessageQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<DeliveryTimeline> timeline(Actor actor, OrganizationId organization, MessageId id,
            boolean withPayload) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "message");
        return queries.find(organization, id).map(message -> new DeliveryTimeline(message,
                queries.events(organization, id, withPayload), durations(message.milestones())));
    }

    /** Only steps whose both ends were reached, and never negative (late receipts can invert them). */
    static Map<Step, Duration> durations(Milestones milestones) {
        Map<Step, Duration> durations = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            Optional<Instant> start = milestones.at(step.start());
            Optional<Instant> end = milestones.at(step.end());
            if (start.isPresent() && end.isPresent()) {
                Duration taken = Duration.between(start.get(), end.get());
                durations.put(step, taken.isNegative() ? Duration.ZERO : taken);
            }
        }
        return durations;
    }

    @Override
    public MessagePage list(Actor actor, MessageFilter filter, Optional<MessageCursor> after, int limit) {
        AccessPolicy.require(actor, filter.organization(), AccessPolicy.Need.READ, "organization");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        // One more than asked tells whether another page follows without a count.
        List<MessageSummary> found = queries.page(filter, after, limit + 1);
        if (found.size() <= limit) {
            return new MessagePage(found, Optional.empty());
        }
        List<MessageSummary> items = found.subList(0, limit);
        return new MessagePage(items, Optional.of(items.get(limit - 1).cursor()));
    }

    @Override
    public long export(Actor actor, MessageFilter filter, Consumer<MessageSummary> sink) {
        AccessPolicy.require(actor, filter.organization(), AccessPolicy.Need.READ, "organization");
        return queries.each(filter, sink);
    }
}
