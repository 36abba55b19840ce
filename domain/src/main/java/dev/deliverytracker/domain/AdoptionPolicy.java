package dev.deliverytracker.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an organization wants done with a signed callback, from one of its accounts, for a message
 * the tracker did not send and does not know.
 */
public enum AdoptionPolicy {

    /** Track it from that callback on, as a message of origin {@link Origin#EXTERNAL} (the default). */
    ADOPT("adopt"),
    /** Keep the event as unmatched history that no list or statistic shows (the behaviour before adoption). */
    KEEP_UNMATCHED("keep_unmatched"),
    /** Keep nothing: the organization tracks only what it sends through the tracker. */
    REFUSE("refuse");

    private final String wireName;

    AdoptionPolicy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AdoptionPolicy> lookup(String wireName) {
        return Arrays.stream(values()).filter(policy -> policy.wireName.equals(wireName)).findFirst();
    }
}
