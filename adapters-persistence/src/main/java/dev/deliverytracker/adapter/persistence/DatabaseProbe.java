package dev.deliverytracker.adapter.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cheapest question the database can answer, asked while it is thought to be away. */
@Component
class DatabaseProbe {

    private final JdbcClient jdbc;

    DatabaseProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns when the database answered; throws when it did not. */
    void check() {
        jdbc.sql("select 1").query(Integer.class).single();
    }
}
