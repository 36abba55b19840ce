package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.ManageRetryPolicy;
import dev.deliverytracker.application.port.in.RetryFailedMessages;
import dev.deliverytracker.application.port.in.RetryMessages;
import dev.deliverytracker.application.port.out.FailedMessages;
import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.application.port.out.RetryPolicies;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;
import dev.deliverytracker.domain.RetryVerdict;
import dev.deliverytracker.domain.TwilioError;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sending failed messages again, automatically and on an operator's request, under one rule: the
 * domain's {@link RetryPolicy}. A retry is a new attempt through the outbox, so it is dispatched,
 * deduplicated and tracked like any send.
 */
public final class RetryService implements RetryMessages, RetryFailedMessages, ManageRetryPolicy {

    /** The codes Twilio's catalogue says a retry can help with; only these are looked at automatically. */
    static final Set<Integer> RETRYABLE_CODES = Stream.of(TwilioError.values()).filter(TwilioError::isRetryable)
            .map(TwilioError::code).collect(Collectors.toUnmodifiableSet());

    private static final int BATCH = 200;
    private static final int MAX_BULK = 1000;

    private final FailedMessages failed;
    private final MessageStore messages;
    private final Outbox outbox;
    private final RetryPolicies policies;
    private final Clock clock;

    public RetryService(FailedMessages failed, MessageStore messages, Outbox outbox, RetryPolicies policies,
            Clock clock) {
        this.failed = failed;
        this.messages = messages;
        this.outbox = outbox;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public int retryDue() {
        Instant now = clock.instant();
        Map<OrganizationId, RetryPolicy> policyOf = new HashMap<>();
        int scheduled = 0;
        for (Message message : failed.retryCandidates(RETRYABLE_CODES, now, RetryPolicy.defaults(), BATCH)) {
            RetryPolicy policy = policyOf.computeIfAbsent(message.organization(), this::policyOf);
            if (policy.verdict(message, now, false) instanceof RetryVerdict.Retry
                    && outbox.retry(message.id().orElseThrow(), now).isPresent()) {
                scheduled++;
            }
        }
        return scheduled;
    }

    @Override
    public RetryOutcome retry(Actor actor, OrganizationId organization, MessageId id, boolean force) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.SEND, "message");
        Optional<Message> message = messages.find(organization, id);
        if (message.isEmpty()) {
            return new RetryOutcome.NotFound();
        }
        return retry(message.get(), policyOf(organization), force);
    }

    @Override
    public BulkRetry retryFailures(Actor actor, OrganizationId organization, int errorCode, Instant since,
            boolean force) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.SEND, "organization");
        RetryPolicy policy = policyOf(organization);
        int scheduled = 0;
        int refused = 0;
        for (Message message : failed.ofOrganization(organization, errorCode, since, MAX_BULK)) {
            if (retry(message, policy, force) instanceof RetryOutcome.Scheduled) {
                scheduled++;
            } else {
                refused++;
            }
        }
        return new BulkRetry(scheduled, refused);
    }

    @Override
    public RetryPolicy policyOf(Actor actor, OrganizationId organization) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "organization");
        return policyOf(organization);
    }

    private RetryPolicy policyOf(OrganizationId organization) {
        return policies.of(organization).orElseGet(RetryPolicy::defaults);
    }

    @Override
    public void set(Actor actor, OrganizationId organization, RetryPolicy policy) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        policies.save(organization, policy);
    }

    /** An operator's retry skips the wait: they asked for it now. */
    private RetryOutcome retry(Message message, RetryPolicy policy, boolean force) {
        Instant now = clock.instant();
        RetryVerdict verdict = policy.verdict(message, now, force);
        if (verdict instanceof RetryVerdict.Refused refused) {
            return new RetryOutcome.Refused(refused.reason());
        }
        return outbox.retry(message.id().orElseThrow(), now)
                .<RetryOutcome>map(RetryOutcome.Scheduled::new)
                .orElseGet(() -> new RetryOutcome.Refused("message " + message.id().orElseThrow()
                        + " is no longer failed"));
    }
}
