package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.out.LockedDeliveryLog;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.service.attribution.EventRecording;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a batch of events in one transaction: the application's recording steps
 * ({@link EventRecording}) decide what each event means, {@link JdbcLockedDeliveryLog} locks, loads
 * and stores, one statement per step for the whole batch. Lock order is the same as for a single
 * event (SIDs, then message rows, then the insert), so batches and single writes cannot deadlock
 * each other.
 */
@Component
class EventBatchWriter {

    private final LockedDeliveryLog log;

    EventBatchWriter(JdbcLockedDeliveryLog log) {
        this.log = log;
    }

    /** Outcomes in the order of {@code batch}; nothing is stored unless all of it is. */
    @Transactional
    public List<RecordOutcome> record(List<ReportedEvent> batch) {
        return EventRecording.record(batch, log);
    }
}
