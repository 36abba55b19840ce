package dev.deliverytracker.adapter.kafka;

import dev.deliverytracker.application.port.in.RelayStatusFeed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Relays the Kafka feed on a thread of its own: on start it opens the feed (from then on every committed
 * status change is kept for it), then relays while full batches come back and rests for
 * {@code interval} once one comes back short. On every instance: the feed is held by one relay at a time,
 * so the others' rounds find it taken and rest. A round that breaks (the database, usually) is logged and
 * the next one tries again.
 */
public final class KafkaRelaySchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRelaySchedule.class);

    private final RelayStatusFeed relay;
    private final String feed;
    private final int batchSize;
    private final Duration interval;
    private volatile boolean running;
    private ScheduledExecutorService thread;

    public KafkaRelaySchedule(RelayStatusFeed relay, String feed, int batchSize, Duration interval) {
        this.relay = relay;
        this.feed = feed;
        this.batchSize = batchSize;
        this.interval = interval;
    }

    /** One round: relays until a batch comes back short; answers how many events were published. */
    public int relayRound() {
        int published = 0;
        int last;
        do {
            last = relay.relayDue(feed, batchSize);
            published += last;
        } while (running && last == batchSize);
        return published;
    }

    @Override
    public synchronized void start() {
        relay.open(feed);
        running = true;
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, "kafka-relay");
            named.setDaemon(true);
            return named;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                relayRound();
            } catch (RuntimeException failure) {
                LOG.error("kafka relay round failed: {}", failure.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.shutdown();
            try {
                if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                    thread.shutdownNow();
                }
            } catch (InterruptedException interrupted) {
                thread.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
