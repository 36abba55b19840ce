package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.ReceiverAnswer;
import java.util.concurrent.CompletableFuture;

/**
 * Posts a notification, signed, to its receiver. Answers at once with a future so that no worker
 * waits on a slow receiver; the future never completes exceptionally: a failure is an answer.
 */
public interface NotificationSender {

    CompletableFuture<ReceiverAnswer> send(OutgoingNotification notification);
}
