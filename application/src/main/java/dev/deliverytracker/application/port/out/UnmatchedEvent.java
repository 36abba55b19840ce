package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.OrganizationId;

/** An event in the log that no message claimed yet, with the organization whose account reported it. */
public record UnmatchedEvent(DeliveryEvent event, OrganizationId organization) {

    public UnmatchedEvent {
        if (event == null || organization == null) {
            throw new IllegalArgumentException("an unmatched event needs the event and its organization");
        }
    }
}
