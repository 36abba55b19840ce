package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.application.port.out.MessageCharges;
import dev.deliverytracker.application.port.out.UnpricedMessage;
import dev.deliverytracker.domain.Charge;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unpriced final messages on PostgreSQL: {@code messages_final_changed_idx} bounds the window of
 * final statuses, {@code message_charges} holds what the provider said. The least recently asked
 * come first (a message never asked counts from its final status), so messages the provider keeps
 * answering without a price cannot starve newer ones; that order sorts the window's unpriced
 * candidates. Recording never touches
 * {@code messages.updated_at}: learning a price is not a status change.
 */
@Component
class JdbcMessageCharges implements MessageCharges {

    /** The statuses {@code messages_final_changed_idx} covers, written as the index is so the planner uses it. */
    private static final String PRICED_STATUSES = "('delivered', 'read', 'failed', 'undelivered')";

    private final JdbcClient jdbc;

    JdbcMessageCharges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UnpricedMessage> findUnpriced(Instant changedBefore, Instant changedSince, Instant askedBefore, int limit) {
        return jdbc.sql("""
                select m.message_id, m.org_id, m.whatsapp_msg_sid, m.updated_at
                from messages m
                left join message_charges c on c.message_id = m.message_id
                where m.status in %s
                  and m.updated_at < :before and m.updated_at >= :since
                  and m.whatsapp_msg_sid is not null
                  and (c.message_id is null or (c.price is null and c.asked_at < :askedBefore))
                order by coalesce(c.asked_at, m.updated_at), m.message_id
                limit :limit
                """.formatted(PRICED_STATUSES))
                .param("before", Timestamp.from(changedBefore))
                .param("since", Timestamp.from(changedSince))
                .param("askedBefore", Timestamp.from(askedBefore))
                .param("limit", limit)
                .query((row, index) -> new UnpricedMessage(MessageId.of(row.getLong("message_id")),
                        OrganizationId.of(row.getLong("org_id")), MessageSid.of(row.getString("whatsapp_msg_sid")),
                        row.getTimestamp("updated_at").toInstant()))
                .list();
    }

    @Override
    @Transactional
    public void record(MessageId id, MessageFacts facts, Instant at) {
        jdbc.sql("""
                insert into message_charges (message_id, org_id, num_segments, price, price_unit, asked_at)
                select message_id, org_id, :segments, :price, :unit, :at from messages where message_id = :id
                on conflict (message_id) do update set
                    num_segments = coalesce(excluded.num_segments, message_charges.num_segments),
                    price = coalesce(excluded.price, message_charges.price),
                    price_unit = coalesce(excluded.price_unit, message_charges.price_unit),
                    asked_at = excluded.asked_at,
                    asks = message_charges.asks + 1
                """)
                .param("id", id.value())
                .param("segments", facts.segments())
                .param("price", facts.charge() == null ? null : facts.charge().amount())
                .param("unit", facts.charge() == null ? null : facts.charge().currency().getCurrencyCode())
                .param("at", Timestamp.from(at))
                .update();
        if (facts.body() != null) {
            // Only a message adopted from its callbacks lacks its text; ours is never overwritten.
            jdbc.sql("""
                    update messages set body = :body
                    where message_id = :id and origin = 'external' and body is null and content_sid is null
                    """).param("id", id.value()).param("body", facts.body()).update();
        }
    }

    @Override
    public Optional<MessageFacts> find(MessageId id) {
        return jdbc.sql("""
                select c.num_segments, c.price, c.price_unit, m.body
                from message_charges c join messages m on m.message_id = c.message_id
                where c.message_id = :id
                """).param("id", id.value()).query((row, index) -> {
                    BigDecimal price = row.getBigDecimal("price");
                    return new MessageFacts((Integer) row.getObject("num_segments"),
                            price == null ? null : new Charge(price, Currency.getInstance(row.getString("price_unit"))),
                            row.getString("body"));
                }).optional();
    }
}
