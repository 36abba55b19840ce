package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.RefusalBudget;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A fixed number of refusals per source, never refilled: enough to show what happens past the budget. */
public final class CountedRefusalBudget implements RefusalBudget {

    private final int perSource;
    private final Map<String, Integer> taken = new ConcurrentHashMap<>();

    public CountedRefusalBudget(int perSource) {
        this.perSource = perSource;
    }

    @Override
    public boolean tryTake(String source) {
        return taken.merge(source, 1, Integer::sum) <= perSource;
    }

    public int taken(String source) {
        return taken.getOrDefault(source, 0);
    }
}
