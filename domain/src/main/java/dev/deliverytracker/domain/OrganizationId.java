package dev.deliverytracker.domain;

/** The tenant every message, event and key belongs to. */
public record OrganizationId(long value) {

    public OrganizationId {
        if (value <= 0) {
            throw new IllegalArgumentException("organization id must be a positive number, was " + value);
        }
    }

    public static OrganizationId of(long value) {
        return new OrganizationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
