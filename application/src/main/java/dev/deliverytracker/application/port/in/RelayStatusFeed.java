package dev.deliverytracker.application.port.in;

/** Moves the committed status changes kept for a feed to the feed's publisher. */
public interface RelayStatusFeed {

    /** Starts keeping every committed status change for the feed; safe to call on every start of every instance. */
    void open(String feed);

    /**
     * Takes up to {@code limit} of the feed's oldest waiting events, publishes them and forgets those the
     * feed acknowledged; answers how many were published. Answers 0 when another instance holds the
     * feed, nothing waits, or the feed acknowledged none.
     */
    int relayDue(String feed, int limit);
}
