package dev.deliverytracker.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a tracked message came from: sent through this service's API, or sent by another
 * application on the same Twilio account and adopted from its signed status callbacks.
 */
public enum Origin {

    /** Sent through the tracker: we hold its content and hand it to Twilio ourselves. */
    API("api"),
    /** Sent by another application; we learnt of it from Twilio and never send it automatically. */
    EXTERNAL("external");

    private final String wireName;

    Origin(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Origin> lookup(String wireName) {
        return Arrays.stream(values()).filter(origin -> origin.wireName.equals(wireName)).findFirst();
    }
}
