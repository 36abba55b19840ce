package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.RetryMessages;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;

/**
 * An operator's retries behind the same rule as sends: a disabled organization's messages are not
 * sent again. A single retry is refused saying so; a bulk retry schedules none.
 */
public final class OrganizationGatedRetryMessages implements RetryMessages {

    private final RetryMessages retries;
    private final OrganizationDirectory directory;

    public OrganizationGatedRetryMessages(RetryMessages retries, OrganizationDirectory directory) {
        this.retries = retries;
        this.directory = directory;
    }

    @Override
    public RetryOutcome retry(Actor actor, OrganizationId organization, MessageId id, boolean force) {
        // Whether an organization is disabled is told only to those who may act in it.
        AccessPolicy.require(actor, organization, AccessPolicy.Need.SEND, "message");
        if (disabled(organization)) {
            return new RetryOutcome.Refused("organization " + organization + " is disabled: it sends nothing, "
                    + "retries included, until it is enabled again");
        }
        return retries.retry(actor, organization, id, force);
    }

    @Override
    public BulkRetry retryFailures(Actor actor, OrganizationId organization, int errorCode, Instant since,
            boolean force) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.SEND, "organization");
        return disabled(organization) ? new BulkRetry(0, 0)
                : retries.retryFailures(actor, organization, errorCode, since, force);
    }

    private boolean disabled(OrganizationId organization) {
        return !directory.find(organization).map(Organization::enabled).orElse(true);
    }
}
