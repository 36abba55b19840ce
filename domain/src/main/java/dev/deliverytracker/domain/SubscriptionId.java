package dev.deliverytracker.domain;

/** A notification subscription of an organization. */
public record SubscriptionId(long value) {

    public SubscriptionId {
        if (value <= 0) {
            throw new IllegalArgumentException("subscription id must be a positive number, was " + value);
        }
    }

    public static SubscriptionId parse(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("subscription id must be a positive number, was " + Sids.quoteSafely(text));
        }
        return new SubscriptionId(Long.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
