package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Failed messages, found for sending again. The domain's retry policy decides about each. */
public interface FailedMessages {

    /**
     * Failures with one of {@code errorCodes} that failed before {@code failedBefore}, oldest first, of
     * organizations whose policy (or {@code defaults}, for those without one) has retries on and has
     * attempts left for them: the messages no policy would ever retry again are not returned, so they
     * cannot crowd out the ones that will be.
     */
    List<Message> retryCandidates(Set<Integer> errorCodes, Instant failedBefore, RetryPolicy defaults, int limit);

    /** An organization's failures since {@code since}, with {@code errorCode} or any code when 0. */
    List<Message> ofOrganization(OrganizationId organization, int errorCode, Instant since, int limit);
}
