package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.OrganizationId;
import java.util.List;

/** The events an organization's accounts reported that no message claimed yet, as the log kept them. */
public interface StoredUnmatchedEvents {

    /**
     * Up to {@code limit} of them, oldest first, each after {@code after} (0 for the first page), with
     * the payload, account and organization they came with.
     */
    List<StoredUnmatched> page(OrganizationId organization, long after, int limit);

    /** One kept event and its place in the log, for the next page. */
    record StoredUnmatched(long position, ReportedEvent event) {
    }
}
