package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.service.attribution.EventRecording;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log on PostgreSQL. Every method is one transaction; what an event means is decided by
 * the application ({@link EventRecording}), and this class only opens the transaction around the facts
 * that {@link JdbcLockedDeliveryLog} locks, loads and stores, in the lock order it describes.
 */
@Component
class PostgresDeliveryLog implements DeliveryLog {

    private final JdbcClient jdbc;
    private final MessageStateRows rows;
    private final DeliveryLogRows log;
    private final JdbcLockedDeliveryLog locked;
    private final Clock clock;
    private final GroupCommit groupCommit;

    PostgresDeliveryLog(JdbcClient jdbc, MessageStateRows rows, DeliveryLogRows log, JdbcLockedDeliveryLog locked,
            Clock clock, GroupCommit groupCommit) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.log = log;
        this.locked = locked;
        this.clock = clock;
        this.groupCommit = groupCommit;
    }

    /** Through the group commit: shares a transaction with whatever else arrived at the same moment. */
    @Override
    public RecordOutcome append(ReportedEvent reported) {
        return groupCommit.record(reported);
    }

    @Override
    @Transactional
    public Message accepted(MessageId id, DeliveryEvent firstStatus) {
        Message message = EventRecording.accept(id, firstStatus, locked);
        leaveOutbox(id);
        return message;
    }

    @Override
    @Transactional
    public Message register(Message registration) {
        return EventRecording.register(registration, locked);
    }

    @Override
    @Transactional
    public Message sendFailed(MessageId id, DeliveryError failure, Instant at) {
        List<MessageRow> found = rows.lock(List.of(id.value()), List.of());
        if (found.isEmpty()) {
            throw new IllegalStateException("no message " + id + " to fail");
        }
        MessageRow row = found.get(0);
        Message failed = MessageMapping.toDomain(row).sendFailed(failure, at);
        // Each failed attempt is its own event: the attempt number keeps them apart.
        log.insert(List.of(new DeliveryLogRows.Row(row.orgId, row.id, null, null, "failed", failure.code(),
                failure.message(), EventSource.SEND_FAILURE.wireName(), "{}",
                "send-failure:" + id + ":" + failed.attempts(), null, at)));
        MessageMapping.copyState(failed, row, clock.instant());
        rows.writeState(List.of(row));
        leaveOutbox(id);
        return failed;
    }

    private void leaveOutbox(MessageId id) {
        jdbc.sql("delete from message_outbox where message_id = :message").param("message", id.value()).update();
    }
}
