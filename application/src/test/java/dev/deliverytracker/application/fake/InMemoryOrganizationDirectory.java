package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Organizations in a map, for use-case tests. */
public final class InMemoryOrganizationDirectory implements OrganizationDirectory {

    private final Map<OrganizationId, Organization> organizations = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized Optional<Organization> create(String name, Instant at) {
        if (findByName(name).isPresent()) {
            return Optional.empty();
        }
        Organization created = new Organization(OrganizationId.of(ids.incrementAndGet()), name, true, at);
        organizations.put(created.id(), created);
        return Optional.of(created);
    }

    @Override
    public Optional<Organization> find(OrganizationId organization) {
        return Optional.ofNullable(organizations.get(organization));
    }

    @Override
    public Optional<Organization> findByName(String name) {
        return organizations.values().stream().filter(organization -> organization.isNamed(name)).findFirst();
    }

    @Override
    public List<Organization> list() {
        return organizations.values().stream().sorted(Comparator.comparing(Organization::name)).toList();
    }

    @Override
    public void save(Organization organization) {
        if (!organizations.containsKey(organization.id())) {
            throw new IllegalArgumentException("no organization " + organization.id());
        }
        organizations.put(organization.id(), organization);
    }
}
