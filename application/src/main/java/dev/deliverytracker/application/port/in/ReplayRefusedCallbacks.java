package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.QuarantinedCallback;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;

/**
 * Refused callbacks of an organization's Twilio account, seen and recovered once the configuration
 * that refused them (public base URL, proxy headers, auth token) has been fixed.
 */
public interface ReplayRefusedCallbacks {

    int MAX_LIMIT = 1000;

    /** Which quarantined callbacks: received in {@code [from, to)}, oldest first, at most {@code limit}. */
    record Selection(OrganizationId organization, Instant from, Instant to, int limit) {

        public Selection {
            if (organization == null || from == null || to == null) {
                throw new IllegalArgumentException("a selection needs an organization, a start and an end");
            }
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("from must be before to, were " + from + " and " + to);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
            }
        }
    }

    /** What one replay did; {@code recovered} counts those recorded, duplicates, unmatched or kept as unreadable. */
    record Replay(int examined, int recovered, int stillRefused) {
    }

    /** The organization's quarantined callbacks; none when it has no Twilio account. */
    List<QuarantinedCallback> list(Actor actor, Selection selection);

    /**
     * Verifies each selected callback again with the current settings; one that verifies now is
     * recorded as if it had just arrived and leaves the quarantine, one that does not stays.
     */
    Replay replay(Actor actor, Selection selection);
}
