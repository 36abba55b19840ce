package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Failed messages, found for sending again. The domain's retry policy decides about each. */
public interface FailedMessages {

    /** Failures with one of {@code errorCodes} that failed before {@code failedBefore}, oldest first. */
    List<Message> withErrors(Set<Integer> errorCodes, Instant failedBefore, int limit);

    /** An organization's failures since {@code since}, with {@code errorCode} or any code when 0. */
    List<Message> ofOrganization(OrganizationId organization, int errorCode, Instant since, int limit);
}
