package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.FoldStatistics;
import dev.deliverytracker.application.port.out.StatisticsRollup;

/** The fold is the rollup's own: instances take turns inside it, so this use case only asks for it. */
public final class FoldStatisticsService implements FoldStatistics {

    private final StatisticsRollup rollup;

    public FoldStatisticsService(StatisticsRollup rollup) {
        this.rollup = rollup;
    }

    @Override
    public long fold() {
        return rollup.fold();
    }
}
