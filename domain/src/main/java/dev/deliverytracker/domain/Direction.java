package dev.deliverytracker.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which way a message went between an organization and a person. The tracker sends and follows
 * outgoing messages; incoming ones (what customers wrote, from Twilio Event Streams) are kept beside
 * them so a conversation reads in one place, but never sent, retried, reconciled, charged, counted
 * in delivery statistics or announced as status changes.
 */
public enum Direction {

    OUTGOING("outgoing"),
    INCOMING("incoming");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    /** The word the {@code messages.direction} column and the API use. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Direction> lookup(String wireName) {
        return Arrays.stream(values()).filter(direction -> direction.wireName.equals(wireName)).findFirst();
    }
}
