package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.StatisticsRollup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Folds the changes the V10 trigger recorded into the hourly rollup, in one transaction. */
@Component
class JdbcStatisticsRollup implements StatisticsRollup {

    private final JdbcClient jdbc;

    JdbcStatisticsRollup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long fold() {
        return jdbc.sql("select fold_message_stats()").query(Long.class).single();
    }
}
