package dev.deliverytracker.adapter.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What keeps a quarantine of refused posts bounded, whatever a forger sends: at most {@code cap} rows
 * per hour (per scope, such as an account), the oldest of the hour going first, and none older than
 * {@code maxAge}. A quarantine table has {@code refused_id} and {@code received_at}; the table and the
 * scope's column are this package's constants, never input.
 */
final class QuarantineLimits {

    /** Aged-out rows removed along with each new one: enough to keep up, never a long statement. */
    private static final int AGED_OUT_PER_KEEP = 20;

    private final JdbcClient jdbc;
    private final String table;
    private final int cap;
    private final Duration maxAge;

    QuarantineLimits(JdbcClient jdbc, String table, int cap, Duration maxAge) {
        this.jdbc = jdbc;
        this.table = table;
        this.cap = cap;
        this.maxAge = maxAge;
    }

    /**
     * After a row received at {@code receivedAt} was kept: removes the oldest rows of its hour beyond
     * the cap, among those where {@code scopeColumn} equals {@code scope} (all rows of the hour when
     * {@code scopeColumn} is null), and a few rows past the age limit. Answers how many the cap removed.
     */
    int enforce(Instant receivedAt, String scopeColumn, String scope) {
        String inScope = scopeColumn == null ? "" : " and " + scopeColumn + " = :scope";
        var capped = jdbc.sql("""
                delete from %1$s where refused_id in (
                    select refused_id from %1$s
                    where received_at >= cast(:hour as timestamptz)
                      and received_at < cast(:hour as timestamptz) + interval '1 hour'%2$s
                    order by received_at desc, refused_id desc
                    offset :cap)
                """.formatted(table, inScope))
                .params(Map.of("hour", Timestamp.from(receivedAt.truncatedTo(ChronoUnit.HOURS)), "cap", cap));
        int dropped = (scopeColumn == null ? capped : capped.param("scope", scope)).update();
        // Forged posts may name a new scope each time, so the cap alone does not bound the table; an age
        // limit does. Each refusal removes a few of the oldest rows past it.
        jdbc.sql("""
                delete from %1$s where refused_id in (
                    select refused_id from %1$s where received_at < :cutoff
                    order by received_at limit :limit for update skip locked)
                """.formatted(table))
                .param("cutoff", Timestamp.from(receivedAt.minus(maxAge))).param("limit", AGED_OUT_PER_KEEP).update();
        return dropped;
    }
}
