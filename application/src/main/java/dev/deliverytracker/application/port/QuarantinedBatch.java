package dev.deliverytracker.application.port;

/**
 * An Event Streams batch the signature check refused, as the quarantine kept it: {@code whole} when its
 * body and events were kept entire, so that it can be checked again; a batch kept in part (its body cut
 * to the quarantine's size) can only be read.
 */
public record QuarantinedBatch(long id, EventBatch batch, String reason, int bodyLength, boolean whole) {

    public QuarantinedBatch {
        if (batch == null || reason == null) {
            throw new IllegalArgumentException("a quarantined batch needs the batch and why it was refused");
        }
    }
}
