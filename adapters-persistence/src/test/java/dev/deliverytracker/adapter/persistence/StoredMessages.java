package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What tests need to set up and look at messages on PostgreSQL and that no use case needs: storing a
 * message without an outbox entry, reading it back by id or SID, reading its history. Kept out of the
 * ports so that no production caller can lean on it. A component of this adapter's package, shipped in
 * its test-jar, so the adapter's scan picks it up wherever the tests run (its own and bootstrap's).
 */
@Component
@Transactional(readOnly = true)
public class StoredMessages {

    private final MessageJpaRepository rows;
    private final MessageStateRows stateRows;
    private final JdbcClient jdbc;

    StoredMessages(MessageJpaRepository rows, MessageStateRows stateRows, JdbcClient jdbc) {
        this.rows = rows;
        this.stateRows = stateRows;
        this.jdbc = jdbc;
    }

    /** Stores a new message and answers it with its id. */
    @Transactional
    public Message add(Message pending) {
        if (pending.id().isPresent()) {
            throw new IllegalArgumentException("message " + pending.id().get() + " is already stored");
        }
        return MessageMapping.toDomain(rows.saveAndFlush(MessageMapping.newRow(pending)));
    }

    public Optional<Message> find(MessageId id) {
        return Optional.ofNullable(stateRows.byIds(List.of(id.value())).get(id.value())).map(MessageMapping::toDomain);
    }

    public Optional<Message> findBySid(MessageSid sid) {
        return rows.findByProviderSid(sid.value()).map(MessageMapping::toDomain);
    }

    /** Every event Twilio reported for a message (callbacks, send responses, polls), oldest first. */
    public List<DeliveryEvent> history(MessageId id) {
        return jdbc.sql("""
                select provider_sid, status, error_code, error_message, source, created_at
                from message_delivery_log
                where message_id = :message and provider_sid is not null
                order by created_at, delivery_id
                """).param("message", id.value()).query((row, index) -> JdbcLockedDeliveryLog.event(row)).list();
    }
}
