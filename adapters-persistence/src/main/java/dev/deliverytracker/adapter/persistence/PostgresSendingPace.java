package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.SendingPace;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pacing schedules in one table, one row per lane. A reservation locks both rows (in key order,
 * so two dispatchers never wait on each other crosswise), takes the earliest time both allow and
 * moves both on, in one short transaction: every dispatcher of every instance books from the same
 * schedule.
 */
@Component
class PostgresSendingPace implements SendingPace {

    private final JdbcClient jdbc;

    PostgresSendingPace(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Instant reserve(Lane sender, Lane account, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        List<String> keys = List.of(sender.key(), account.key()).stream().sorted().toList();
        for (String key : keys) {
            // A new lane starts as if it had been idle: its whole burst is there.
            jdbc.sql("insert into sending_pace (pace_key, next_due) values (:key, :now) on conflict do nothing")
                    .param("key", key).param("now", Timestamp.from(at)).update();
        }
        Map<String, Instant> nextDue = new HashMap<>();
        jdbc.sql("select pace_key, next_due from sending_pace where pace_key in (:keys) order by pace_key for update")
                .param("keys", keys)
                .query(row -> {
                    nextDue.put(row.getString("pace_key"), row.getTimestamp("next_due").toInstant());
                });
        Instant bySender = sender.rate().earliest(nextDue.get(sender.key()), at);
        Instant byAccount = account.rate().earliest(nextDue.get(account.key()), at);
        Instant slot = bySender.isAfter(byAccount) ? bySender : byAccount;
        move(sender.key(), sender.rate().nextDueAfter(nextDue.get(sender.key()), slot));
        move(account.key(), account.rate().nextDueAfter(nextDue.get(account.key()), slot));
        return slot;
    }

    private void move(String key, Instant nextDue) {
        jdbc.sql("update sending_pace set next_due = :due where pace_key = :key")
                .param("due", Timestamp.from(nextDue)).param("key", key).update();
    }
}
