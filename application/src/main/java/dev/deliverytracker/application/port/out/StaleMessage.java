package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;

/**
 * A message Twilio took that has not reached a final status and has not changed for a while: a
 * candidate for asking Twilio what became of it.
 *
 * @param lastChange when the message last changed (the last event that moved it, or its acceptance)
 * @param polls      how often it was polled already
 */
public record StaleMessage(MessageId id, OrganizationId organization, MessageSid sid, Channel channel,
        DeliveryStatus status, Instant createdAt, Instant lastChange, int polls) {

    public StaleMessage {
        if (id == null || organization == null || sid == null || channel == null || status == null
                || createdAt == null || lastChange == null) {
            throw new IllegalArgumentException("a stale message needs its id, organization, SID, channel, status "
                    + "and times");
        }
    }
}
