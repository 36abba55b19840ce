package dev.deliverytracker.application.port.in;

/** Sends again, by itself, the failures each organization's retry policy says are worth it. */
public interface RetryFailedMessages {

    /** One round; answers how many messages got a new attempt. */
    int retryDue();
}
