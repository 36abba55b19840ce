package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.FindFailures;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.TwilioError;
import java.util.Comparator;
import java.util.List;

/** Failures by error code, each with what Twilio's code means and what to do about it. */
public class FailureReportService implements FindFailures {

    private final MessageQueries queries;

    public FailureReportService(MessageQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<FailureGroup> failures(Actor actor, OrganizationId organization, TimeRange failedBetween) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "organization");
        return queries.failures(organization, failedBetween).stream()
                .map(count -> new FailureGroup(count.errorCode(), count.failed(), count.undelivered(),
                        TwilioError.byCode(count.errorCode())))
                .sorted(Comparator.comparingLong(FailureGroup::count).reversed()
                        .thenComparingInt(FailureGroup::errorCode))
                .toList();
    }
}
