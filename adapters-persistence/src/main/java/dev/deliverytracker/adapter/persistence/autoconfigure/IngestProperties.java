package dev.deliverytracker.adapter.persistence.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How status callbacks are written ({@code tracker.ingest.*}); checked when the adapter builds its group
 * commit, and a refused value stops the start naming {@code tracker.ingest.*}.
 *
 * @param groupCommit   whether concurrent callbacks share transactions (off: one commit each)
 * @param maxBatch      most callbacks in one transaction
 * @param queueCapacity most callbacks waiting; more are answered 503 at once
 * @param waitTimeout   how long a callback waits for its transaction before a 503
 * @param writers       batches written at the same time
 */
@ConfigurationProperties("tracker.ingest")
public record IngestProperties(
        @DefaultValue("true") boolean groupCommit,
        @DefaultValue("256") int maxBatch,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("10s") Duration waitTimeout,
        @DefaultValue("1") int writers) {
}
