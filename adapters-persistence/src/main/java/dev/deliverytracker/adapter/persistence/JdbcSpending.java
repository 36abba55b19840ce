package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.SpendGrouping;
import dev.deliverytracker.application.port.SpendLine;
import dev.deliverytracker.application.port.SpendQuery;
import dev.deliverytracker.application.port.out.Spending;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Spend on PostgreSQL: the organization's messages of the range through {@code messages_org_created_idx},
 * each joined to its charge by key. One pass, grouped in the database.
 */
@Component
class JdbcSpending implements Spending {

    private final JdbcClient jdbc;

    JdbcSpending(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SpendLine> lines(SpendQuery query) {
        String key = keyOf(query.by());
        var statement = jdbc.sql("""
                select %s as key, c.price_unit, count(*) as messages,
                       coalesce(sum(c.num_segments), 0) as segments,
                       coalesce(sum(c.price), 0) as spent,
                       coalesce(sum(c.price) filter (where m.status in ('failed', 'undelivered')), 0) as failed_spent
                from messages m
                left join message_charges c on c.message_id = m.message_id
                where m.org_id = :org and m.created_at >= :from and m.created_at < :until
                  and m.direction = 'outgoing'
                group by 1, 2
                order by spent desc, key nulls last, price_unit nulls last
                """.formatted(key))
                .param("org", query.organization().value())
                .param("from", Timestamp.from(query.range().from()))
                .param("until", Timestamp.from(query.range().until()));
        if (query.by() instanceof SpendGrouping.ByTag tag) {
            statement = statement.param("tag", tag.key());
        }
        return statement.query((row, index) -> {
            String unit = row.getString("price_unit");
            BigDecimal spent = row.getBigDecimal("spent");
            BigDecimal failed = row.getBigDecimal("failed_spent");
            return new SpendLine(Optional.ofNullable(row.getString("key")),
                    Optional.ofNullable(unit).map(Currency::getInstance), row.getLong("messages"),
                    row.getLong("segments"), spent, failed);
        }).list();
    }

    private static String keyOf(SpendGrouping by) {
        if (by instanceof SpendGrouping.ByChannel) {
            return "m.channel";
        }
        if (by instanceof SpendGrouping.BySender) {
            return "coalesce(m.messaging_service_sid, m.from_address, 'default')";
        }
        if (by instanceof SpendGrouping.ByTag) {
            return "m.tags ->> :tag";
        }
        return "null::text";
    }
}
