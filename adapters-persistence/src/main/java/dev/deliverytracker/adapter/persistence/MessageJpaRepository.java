package dev.deliverytracker.adapter.persistence;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MessageJpaRepository extends JpaRepository<MessageEntity, Long> {

    Optional<MessageEntity> findByProviderSid(String providerSid);

    Optional<MessageEntity> findByIdAndOrgId(Long id, long orgId);

    Optional<MessageEntity> findByOrgIdAndIdempotencyKey(long orgId, String idempotencyKey);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from MessageEntity m where m.id = :id")
    Optional<MessageEntity> lockById(Long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from MessageEntity m where m.providerSid = :sid")
    Optional<MessageEntity> lockBySid(String sid);
}
