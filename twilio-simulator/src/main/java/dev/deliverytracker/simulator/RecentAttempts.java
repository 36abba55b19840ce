package dev.deliverytracker.simulator;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The newest callback attempts, for tests and the control API to inspect. Bounded, so a simulator
 * left running (the service's default) never fills its heap; O(1) per attempt, so a benchmark's tens
 * of thousands of callbacks cost no more than the first few (a copy-on-write list copied every
 * attempt so far on each new one).
 */
final class RecentAttempts {

    /** How many attempts a simulator keeps; the oldest go first. */
    static final int KEPT = 10_000;

    private final int capacity;
    private final ArrayDeque<CallbackAttempt> attempts = new ArrayDeque<>();

    RecentAttempts() {
        this(KEPT);
    }

    RecentAttempts(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    synchronized void add(CallbackAttempt attempt) {
        if (attempts.size() == capacity) {
            attempts.removeFirst();
        }
        attempts.addLast(attempt);
    }

    /** Oldest first. */
    synchronized List<CallbackAttempt> list() {
        return List.copyOf(attempts);
    }

    synchronized void clear() {
        attempts.clear();
    }
}
