package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.TimelineEvent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.Milestone;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A message with every event recorded for it, oldest first, and how long each step took. */
public interface FindDeliveryHistory {

    /** Empty when the organization has no such message; {@link AccessRefused} when the actor may not read it. */
    Optional<DeliveryTimeline> timeline(Actor actor, OrganizationId organization, MessageId id, boolean withPayload);

    record DeliveryTimeline(MessageSummary message, List<TimelineEvent> events, Map<Step, Duration> durations) {

        public DeliveryTimeline {
            events = List.copyOf(events);
            durations = Map.copyOf(durations);
        }
    }

    /** The steps operators time: from one milestone to the next. */
    enum Step {
        QUEUED_TO_SENT(Milestone.QUEUED, Milestone.SENT),
        SENT_TO_DELIVERED(Milestone.SENT, Milestone.DELIVERED),
        DELIVERED_TO_READ(Milestone.DELIVERED, Milestone.READ);

        private final Milestone start;
        private final Milestone end;

        Step(Milestone start, Milestone end) {
            this.start = start;
            this.end = end;
        }

        public Milestone start() {
            return start;
        }

        public Milestone end() {
            return end;
        }
    }
}
