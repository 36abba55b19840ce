package dev.deliverytracker.adapter.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OperatorJpaRepository extends JpaRepository<OperatorEntity, Long> {

    Optional<OperatorEntity> findByUsername(String username);

    List<OperatorEntity> findByOrganizationsContainingOrderByUsernameAsc(Long organization);
}
