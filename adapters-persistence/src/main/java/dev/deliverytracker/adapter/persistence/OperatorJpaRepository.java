package dev.deliverytracker.adapter.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OperatorJpaRepository extends JpaRepository<OperatorEntity, Long> {

    Optional<OperatorEntity> findByUsername(String username);

    @Query("select o from OperatorEntity o join o.roles r where key(r) = :organization order by o.username")
    List<OperatorEntity> findMembers(@Param("organization") Long organization);
}
