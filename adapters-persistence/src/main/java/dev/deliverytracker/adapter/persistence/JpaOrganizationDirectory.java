package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizations as administrators edit them, on the organizations' own JPA entity (one persistence
 * style per table, ADR 0031). Not cached: a send asks whether its organization is enabled, and a
 * disabled organization must be refused on every instance at once.
 */
@Component
class JpaOrganizationDirectory implements OrganizationDirectory {

    private final OrganizationJpaRepository rows;
    private final Clock clock;

    private final TransactionTemplate transactions;

    JpaOrganizationDirectory(OrganizationJpaRepository rows, Clock clock, PlatformTransactionManager transactionManager) {
        this.rows = rows;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Two instances creating the same name at once: the unique index lets one in, the other gets empty. */
    @Override
    public Optional<Organization> create(String name, Instant at) {
        try {
            return Optional.of(transactions.execute(status -> {
                OrganizationEntity row = new OrganizationEntity();
                row.name = name;
                row.createdAt = at;
                row.managed = true;
                return organization(rows.saveAndFlush(row));
            }));
        } catch (DataIntegrityViolationException nameTaken) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Organization> find(OrganizationId organization) {
        return rows.findById(organization.value()).map(JpaOrganizationDirectory::organization);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Organization> findByName(String name) {
        return rows.findFirstByNameIgnoreCaseOrderByIdAsc(name == null ? "" : name.trim())
                .map(JpaOrganizationDirectory::organization);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Organization> list() {
        return rows.findAllByOrderByNameAscIdAsc().stream().map(JpaOrganizationDirectory::organization).toList();
    }

    @Override
    @Transactional
    public void save(Organization organization) {
        OrganizationEntity row = rows.findById(organization.id().value())
                .orElseThrow(() -> new IllegalArgumentException("no organization " + organization.id()));
        row.name = organization.name();
        if (organization.enabled()) {
            row.disabledAt = null;
        } else if (row.disabledAt == null) {
            row.disabledAt = clock.instant();
        }
    }

    private static Organization organization(OrganizationEntity row) {
        return new Organization(OrganizationId.of(row.id), row.name, row.disabledAt == null, row.createdAt);
    }
}
