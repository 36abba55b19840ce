package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.domain.OrganizationId;

/**
 * The one-off operator action for callbacks kept unmatched before the organization adopted: each
 * is read again as if it had just arrived, so the messages they reveal are adopted with their history.
 */
public interface AdoptStoredUnmatched {

    /** Needs the right to manage the organization ({@link AccessRefused} otherwise). */
    AdoptionReport adoptStored(Actor actor, OrganizationId organization);

    /**
     * @param events        unmatched events read again
     * @param messages      distinct messages they now belong to
     * @param notAdoptable  events that still reveal no message (no readable recipient, e.g. masked)
     */
    record AdoptionReport(int events, int messages, int notAdoptable) {
    }
}
