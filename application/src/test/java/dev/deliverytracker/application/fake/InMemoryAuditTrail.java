package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.application.port.out.AuditTrail;
import dev.deliverytracker.domain.OrganizationId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The audit trail in a list, for use-case tests. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> of(OrganizationId organization, int limit) {
        List<AuditEntry> newestFirst = new ArrayList<>(entries);
        Collections.reverse(newestFirst);
        return newestFirst.stream().filter(entry -> entry.organization().equals(Optional.of(organization)))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<AuditEntry> all(int limit) {
        List<AuditEntry> newestFirst = new ArrayList<>(entries);
        Collections.reverse(newestFirst);
        return newestFirst.stream().limit(limit).toList();
    }
}
