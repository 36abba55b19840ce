package dev.deliverytracker.domain;

import java.util.Optional;

/** The moments operators measure delivery by. */
public enum Milestone {
    QUEUED,
    SENT,
    DELIVERED,
    READ,
    FAILED;

    /** The milestone a status marks, if any. */
    public static Optional<Milestone> markedBy(DeliveryStatus status) {
        return switch (status) {
            case ACCEPTED, SCHEDULED, QUEUED -> Optional.of(QUEUED);
            case SENT, PARTIALLY_DELIVERED -> Optional.of(SENT);
            case DELIVERED -> Optional.of(DELIVERED);
            case READ -> Optional.of(READ);
            case FAILED, UNDELIVERED, CANCELED -> Optional.of(FAILED);
            default -> Optional.empty();
        };
    }
}
