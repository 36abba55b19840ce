package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.application.port.out.AuditTrail;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every audit trail promises, run against the fake and PostgreSQL. */
public abstract class AuditTrailContract {

    protected abstract AuditTrail trail();

    /** A new organization the entries can belong to. */
    protected abstract OrganizationId newOrganization();

    @Test
    void entries_read_back_newest_first_per_organization_with_their_changes() {
        OrganizationId north = newOrganization();
        OrganizationId south = newOrganization();
        AuditEntry first = new AuditEntry(Instant.parse("2026-12-03T10:00:00Z"), "api-key:1", Optional.of(north),
                "organization.created", Map.of("name", "north"));
        AuditEntry second = new AuditEntry(Instant.parse("2026-12-03T10:01:00Z"), "operator:ada", Optional.of(north),
                "organization.renamed", Map.of("name.before", "north", "name.after", "North"));
        AuditEntry elsewhere = new AuditEntry(Instant.parse("2026-12-03T10:02:00Z"), "api-key:2", Optional.of(south),
                "api-key.issued", Map.of());

        trail().record(first);
        trail().record(second);
        trail().record(elsewhere);

        assertThat(trail().of(north, 10)).containsExactly(second, first);
        assertThat(trail().of(north, 1)).containsExactly(second);
        assertThat(trail().all(3)).containsExactly(elsewhere, second, first);
    }

    @Test
    void a_platform_wide_entry_has_no_organization() {
        AuditEntry platform = new AuditEntry(Instant.parse("2026-12-03T11:00:00Z"), "configuration:file",
                Optional.empty(), "configuration.applied", Map.of("organizations", "2"));

        trail().record(platform);

        assertThat(trail().all(1)).containsExactly(platform);
    }
}
