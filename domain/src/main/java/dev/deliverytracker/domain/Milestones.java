package dev.deliverytracker.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * When each milestone was first reached. "First" means earliest, not first to arrive: a delivery
 * receipt that was held up still counts from when it was received, and a duplicate received later
 * never moves a milestone.
 */
public final class Milestones {

    private static final Milestones NONE = new Milestones(new EnumMap<>(Milestone.class));

    private final Map<Milestone, Instant> reached;

    private Milestones(EnumMap<Milestone, Instant> reached) {
        this.reached = Collections.unmodifiableMap(reached);
    }

    public static Milestones none() {
        return NONE;
    }

    public static Milestones of(Map<Milestone, Instant> reached) {
        EnumMap<Milestone, Instant> copy = new EnumMap<>(Milestone.class);
        reached.forEach((milestone, at) -> {
            if (at != null) {
                copy.put(milestone, at);
            }
        });
        return new Milestones(copy);
    }

    public Optional<Instant> at(Milestone milestone) {
        return Optional.ofNullable(reached.get(milestone));
    }

    public Milestones reached(Milestone milestone, Instant at) {
        Instant known = reached.get(milestone);
        if (known != null && !at.isBefore(known)) {
            return this;
        }
        EnumMap<Milestone, Instant> next = new EnumMap<>(Milestone.class);
        next.putAll(reached);
        next.put(milestone, at);
        return new Milestones(next);
    }

    public Map<Milestone, Instant> asMap() {
        return reached;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Milestones that && reached.equals(that.reached);
    }

    @Override
    public int hashCode() {
        return reached.hashCode();
    }

    @Override
    public String toString() {
        return reached.toString();
    }
}
