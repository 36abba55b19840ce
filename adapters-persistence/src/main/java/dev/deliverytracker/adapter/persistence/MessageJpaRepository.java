package dev.deliverytracker.adapter.persistence;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MessageJpaRepository extends JpaRepository<MessageEntity, Long> {

    Optional<MessageEntity> findByProviderSid(String providerSid);

    Optional<MessageEntity> findByIdAndOrgId(Long id, long orgId);

    /** Failures some organization's retry policy may still retry: retries on, attempts left. */
    @Query(nativeQuery = true, value = """
            select m.* from messages m left join retry_policies p on p.org_id = m.org_id
            where m.status in ('failed', 'undelivered') and m.error_code in (:codes) and m.failed_at <= :before
              and coalesce(p.enabled, :defaultEnabled) and m.attempts < coalesce(p.max_attempts, :defaultMax)
            order by m.failed_at
            limit :limit
            """)
    List<MessageEntity> findRetryCandidates(Collection<Integer> codes, Instant before, boolean defaultEnabled,
            int defaultMax, int limit);

    List<MessageEntity> findByOrgIdAndStatusInAndFailedAtGreaterThanEqualOrderByFailedAt(long orgId,
            Collection<String> statuses, Instant since, Limit limit);

    List<MessageEntity> findByOrgIdAndStatusInAndErrorCodeAndFailedAtGreaterThanEqualOrderByFailedAt(long orgId,
            Collection<String> statuses, int errorCode, Instant since, Limit limit);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from MessageEntity m where m.id = :id")
    Optional<MessageEntity> lockById(Long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from MessageEntity m where m.providerSid = :sid")
    Optional<MessageEntity> lockBySid(String sid);
}
