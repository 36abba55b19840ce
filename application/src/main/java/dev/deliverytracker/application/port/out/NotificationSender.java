package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.ReceiverAnswer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Posts a notification, signed, to its receiver. Answers at once with a future so that no worker
 * waits on a slow receiver; the future never completes exceptionally: a failure is an answer.
 */
public interface NotificationSender {

    CompletableFuture<ReceiverAnswer> send(OutgoingNotification notification);

    /**
     * The longest one exchange takes before its answer (giving up on a silent receiver is an answer too):
     * the delivery holds a claim at least this long, so that no other worker posts it meanwhile.
     */
    Duration longestExchange();

    /** How many posts to one receiver it carries at once: the delivery has no more in flight per subscription. */
    int postsPerReceiver();
}
