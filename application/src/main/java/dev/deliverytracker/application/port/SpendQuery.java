package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.OrganizationId;
import java.time.Duration;

/**
 * A question about what delivery cost: an organization's messages created in a range, grouped. Exact,
 * read from each message's charge, so the range is limited to {@link #LONGEST_RANGE}.
 */
public record SpendQuery(OrganizationId organization, TimeRange range, SpendGrouping by) {

    public static final Duration LONGEST_RANGE = Duration.ofDays(93);

    public SpendQuery {
        if (organization == null || range == null || by == null) {
            throw new IllegalArgumentException("spend needs the organization, a range and a grouping");
        }
        if (range.length().compareTo(LONGEST_RANGE) > 0) {
            throw new IllegalArgumentException("a spend range may span at most " + LONGEST_RANGE.toDays()
                    + " days");
        }
    }
}
