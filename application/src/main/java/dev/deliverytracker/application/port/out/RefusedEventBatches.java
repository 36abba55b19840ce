package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.EventBatch;
import dev.deliverytracker.application.port.QuarantinedBatch;
import dev.deliverytracker.domain.AccountSid;
import java.time.Instant;
import java.util.List;

/**
 * A bounded quarantine of Event Streams batches the signature check refused, kept as received (up to
 * a size the store sets), so that a misconfiguration is seen, not lost, and the batches can be checked
 * again once it is fixed.
 */
public interface RefusedEventBatches {

    void keep(EventBatch batch, String reason);

    /**
     * The kept batches whose events or sink URL ({@code ?account=}) name this account, received in
     * {@code [from, to)}, oldest first, at most {@code limit}.
     */
    List<QuarantinedBatch> of(AccountSid account, Instant from, Instant to, int limit);

    /** The batch is durable elsewhere now: it leaves the quarantine. */
    void release(long id);
}
