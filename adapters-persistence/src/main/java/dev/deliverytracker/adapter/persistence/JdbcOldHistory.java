package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.OldHistory;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes aged-out history one bounded statement at a time (each its own transaction: there is no
 * surrounding one). {@code skip locked} passes over rows another transaction holds, such as a send
 * answer attaching unmatched events, so the delete never waits on ingestion; they go in a later run.
 */
@Component
class JdbcOldHistory implements OldHistory {

    private final JdbcClient jdbc;

    JdbcOldHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int deleteDeliveryEventsBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                delete from message_delivery_log where delivery_id in (
                    select delivery_id from message_delivery_log where created_at < :cutoff
                    order by created_at limit :limit for update skip locked)
                """).param("cutoff", Timestamp.from(cutoff)).param("limit", limit).update();
    }

    @Override
    public int deleteRejectedCallbacksBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                delete from rejected_callbacks where rejected_id in (
                    select rejected_id from rejected_callbacks where received_at < :cutoff
                    order by received_at limit :limit for update skip locked)
                """).param("cutoff", Timestamp.from(cutoff)).param("limit", limit).update();
    }
}
