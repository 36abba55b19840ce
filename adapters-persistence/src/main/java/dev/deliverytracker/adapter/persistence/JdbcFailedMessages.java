package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.FailedMessages;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Failed messages, for the retry round and for operators, read by SQL like the rest of {@code messages}. */
@Component
@Transactional(readOnly = true)
class JdbcFailedMessages implements FailedMessages {

    /** Failures some organization's retry policy may still retry: retries on, attempts left. */
    private static final String RETRY_CANDIDATES = """
            select m.* from messages m left join retry_policies p on p.org_id = m.org_id
            where m.status in ('failed', 'undelivered') and m.error_code = any(cast(:codes as integer[]))
              and m.failed_at <= :before
              and coalesce(p.enabled, :defaultEnabled) and m.attempts < coalesce(p.max_attempts, :defaultMax)
            order by m.failed_at
            limit :limit
            """;

    private static final String FAILURES_OF_ORGANIZATION = MessageStateRows.COLUMNS + """
            where org_id = :org and status in ('failed', 'undelivered') and failed_at >= :since
              and (:errorCode = 0 or error_code = :errorCode)
            order by failed_at
            limit :limit
            """;

    private final JdbcClient jdbc;

    JdbcFailedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Message> retryCandidates(Set<Integer> errorCodes, Instant failedBefore, RetryPolicy defaults,
            int limit) {
        return jdbc.sql(RETRY_CANDIDATES)
                .param("codes", errorCodes.toArray(new Integer[0])).param("before", Timestamp.from(failedBefore))
                .param("defaultEnabled", defaults.enabled()).param("defaultMax", defaults.maxAttempts())
                .param("limit", limit)
                .query(MessageStateRows::row).list().stream().map(MessageMapping::toDomain).toList();
    }

    @Override
    public List<Message> ofOrganization(OrganizationId organization, int errorCode, Instant since, int limit) {
        return jdbc.sql(FAILURES_OF_ORGANIZATION)
                .param("org", organization.value()).param("errorCode", errorCode).param("since", Timestamp.from(since))
                .param("limit", limit)
                .query(MessageStateRows::row).list().stream().map(MessageMapping::toDomain).toList();
    }
}
