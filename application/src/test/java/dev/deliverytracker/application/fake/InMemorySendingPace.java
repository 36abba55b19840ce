package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.SendingPace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The senders' and accounts' schedules in memory, with the booked places kept for a test to read. */
public final class InMemorySendingPace implements SendingPace {

    private final Map<String, Instant> nextDue = new HashMap<>();
    private final List<Instant> booked = new ArrayList<>();

    @Override
    public synchronized Instant reserve(Lane sender, Lane account, Instant now) {
        Instant slot = latest(sender.rate().earliest(nextDue.get(sender.key()), now),
                account.rate().earliest(nextDue.get(account.key()), now));
        nextDue.put(sender.key(), sender.rate().nextDueAfter(nextDue.get(sender.key()), slot));
        nextDue.put(account.key(), account.rate().nextDueAfter(nextDue.get(account.key()), slot));
        booked.add(slot);
        return slot;
    }

    public synchronized List<Instant> booked() {
        return List.copyOf(booked);
    }

    private static Instant latest(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
