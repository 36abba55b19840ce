package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.OrganizationName;
import dev.deliverytracker.application.port.out.OperatorAccounts;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Operators and organization names in maps, for use-case tests. */
public final class InMemoryOperatorAccounts implements OperatorAccounts {

    private final Map<String, OperatorAccount> operators = new ConcurrentHashMap<>();
    private final Map<OrganizationId, String> organizations = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** An organization under {@code name}, as the organizations store would hold it. */
    public OrganizationId addOrganization(String name) {
        OrganizationId id = OrganizationId.of(ids.incrementAndGet());
        organizations.put(id, name);
        return id;
    }

    @Override
    public Optional<OperatorAccount> find(String username) {
        return Optional.ofNullable(operators.get(username));
    }

    /** Every operator's username, for the fakes built on this one. */
    public Set<String> usernames() {
        return Set.copyOf(operators.keySet());
    }

    @Override
    public boolean any() {
        return !operators.isEmpty();
    }

    @Override
    public void save(OperatorAccount account) {
        operators.put(account.username(), account);
    }

    @Override
    public List<OrganizationName> organizationsNamed(Set<String> names) {
        return organizations.entrySet().stream().filter(entry -> names.contains(entry.getValue()))
                .map(entry -> new OrganizationName(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(OrganizationName::name)).toList();
    }

    @Override
    public List<OrganizationName> organizationsOf(String username) {
        Set<OrganizationId> member = find(username).map(OperatorAccount::organizations).orElse(Set.of());
        return organizations.entrySet().stream().filter(entry -> member.contains(entry.getKey()))
                .map(entry -> new OrganizationName(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(OrganizationName::name)).toList();
    }
}
