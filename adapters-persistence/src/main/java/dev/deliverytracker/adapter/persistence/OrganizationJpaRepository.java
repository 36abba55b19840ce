package dev.deliverytracker.adapter.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationJpaRepository extends JpaRepository<OrganizationEntity, Long> {

    Optional<OrganizationEntity> findFirstByNameIgnoreCaseOrderByIdAsc(String name);

    List<OrganizationEntity> findAllByOrderByNameAscIdAsc();

    Optional<OrganizationEntity> findByTwilioAccountSid(String twilioAccountSid);

    List<OrganizationEntity> findByNameInOrderByNameAscIdAsc(Collection<String> names);

    List<OrganizationEntity> findByIdInOrderByNameAscIdAsc(Collection<Long> ids);
}
