package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.FailedMessages;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class JpaFailedMessages implements FailedMessages {

    private static final List<String> FAILURES = List.of("failed", "undelivered");

    private final MessageJpaRepository rows;

    JpaFailedMessages(MessageJpaRepository rows) {
        this.rows = rows;
    }

    @Override
    public List<Message> retryCandidates(Set<Integer> errorCodes, Instant failedBefore, RetryPolicy defaults,
            int limit) {
        return rows.findRetryCandidates(errorCodes, failedBefore, defaults.enabled(), defaults.maxAttempts(), limit)
                .stream().map(MessageMapping::toDomain).toList();
    }

    @Override
    public List<Message> ofOrganization(OrganizationId organization, int errorCode, Instant since, int limit) {
        List<MessageEntity> found = errorCode == 0
                ? rows.findByOrgIdAndStatusInAndFailedAtGreaterThanEqualOrderByFailedAt(organization.value(), FAILURES,
                        since, Limit.of(limit))
                : rows.findByOrgIdAndStatusInAndErrorCodeAndFailedAtGreaterThanEqualOrderByFailedAt(organization.value(),
                        FAILURES, errorCode, since, Limit.of(limit));
        return found.stream().map(MessageMapping::toDomain).toList();
    }
}
