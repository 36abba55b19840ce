package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;

/**
 * An operator sends failed messages again: one, or every failure matching a filter. The same rules
 * as the automatic retries apply (the error must be worth retrying, within the attempts allowed)
 * unless the operator forces it. Both need the right to send in the organization ({@link AccessRefused}
 * otherwise): an API key with scope {@code send}, an operator with the role {@code operator}.
 */
public interface RetryMessages {

    RetryOutcome retry(Actor actor, OrganizationId organization, MessageId id, boolean force);

    /** Retries the organization's failures since {@code since} (with {@code errorCode}, or any when 0). */
    BulkRetry retryFailures(Actor actor, OrganizationId organization, int errorCode, Instant since, boolean force);

    sealed interface RetryOutcome {
        /** A new attempt waits in the outbox. */
        record Scheduled(Message message) implements RetryOutcome {
        }

        record NotYet(Instant due) implements RetryOutcome {
        }

        record Refused(String reason) implements RetryOutcome {
        }

        record NotFound() implements RetryOutcome {
        }
    }

    record BulkRetry(int scheduled, int refused) {
    }
}
