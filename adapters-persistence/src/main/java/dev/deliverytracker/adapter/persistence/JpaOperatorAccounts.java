package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.OrganizationName;
import dev.deliverytracker.application.port.out.OperatorAccounts;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators as an aggregate edited through JPA, mapped by MapStruct ({@link OperatorMapper}); the
 * organizations they may see are read through the organizations' own entity. Administrative and
 * rare, so the convenience of entities costs nothing that matters (ADR 0031).
 */
@Component
class JpaOperatorAccounts implements OperatorAccounts {

    private final OperatorJpaRepository operators;
    private final OrganizationJpaRepository organizations;
    private final OperatorMapper mapper;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JpaOperatorAccounts(OperatorJpaRepository operators, OrganizationJpaRepository organizations,
            OperatorMapper mapper, PlatformTransactionManager transactionManager, Clock clock) {
        this.operators = operators;
        this.organizations = organizations;
        this.mapper = mapper;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OperatorAccount> find(String username) {
        return operators.findByUsername(username).map(mapper::toAccount);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean any() {
        return operators.count() > 0;
    }

    /**
     * Creates or replaces the operator. Instances starting together may configure the same operator
     * at once: the one whose insert loses to the unique username tries again, and then updates.
     */
    @Override
    public void save(OperatorAccount account) {
        try {
            transactions.executeWithoutResult(status -> saveOnce(account));
        } catch (DataIntegrityViolationException createdMeanwhile) {
            transactions.executeWithoutResult(status -> saveOnce(account));
        }
    }

    private void saveOnce(OperatorAccount account) {
        OperatorEntity entity = operators.findByUsername(account.username())
                .orElseGet(() -> new OperatorEntity(account.username()));
        mapper.copy(account, entity);
        entity.setUpdatedAt(clock.instant());
        operators.saveAndFlush(entity);
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationName> organizationsNamed(Set<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return organizations.findByNameInOrderByNameAscIdAsc(names).stream().map(mapper::toName).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationName> organizationsOf(String username) {
        return operators.findByUsername(username)
                .map(operator -> organizations.findByIdInOrderByNameAscIdAsc(operator.getRoles().keySet()).stream()
                        .map(mapper::toName).toList())
                .orElse(List.of());
    }
}
