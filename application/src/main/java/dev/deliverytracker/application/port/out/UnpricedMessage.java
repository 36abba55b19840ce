package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;

/**
 * A message the provider is done with whose price we do not know yet.
 *
 * @param lastChange when its status last moved: the provider prices a message some time after that
 */
public record UnpricedMessage(MessageId id, OrganizationId organization, MessageSid sid, Instant lastChange) {

    public UnpricedMessage {
        if (id == null || organization == null || sid == null || lastChange == null) {
            throw new IllegalArgumentException("an unpriced message needs its id, organization, SID and last change");
        }
    }
}
