package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;

/** Where administrative changes are written, never changed, and read back newest first. */
public interface AuditTrail {

    void record(AuditEntry entry);

    List<AuditEntry> of(OrganizationId organization, int limit);

    List<AuditEntry> all(int limit);
}
