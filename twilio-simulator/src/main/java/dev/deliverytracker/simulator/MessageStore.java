package dev.deliverytracker.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The simulator's messages, in memory, for all accounts. */
final class MessageStore {

    private final Map<String, SimulatedMessage> bySid = new ConcurrentHashMap<>();

    void save(SimulatedMessage message) {
        bySid.put(message.sid(), message);
    }

    Optional<SimulatedMessage> find(String sid) {
        return Optional.ofNullable(bySid.get(sid));
    }

    void update(String sid, UnaryOperator<SimulatedMessage> change) {
        bySid.computeIfPresent(sid, (key, message) -> change.apply(message));
    }

    /** Newest first, as Twilio lists them. */
    List<SimulatedMessage> newestFirst() {
        return bySid.values().stream()
                .sorted(Comparator.comparingLong(SimulatedMessage::sequence).reversed())
                .collect(Collectors.toList());
    }

    void clear() {
        bySid.clear();
    }
}
