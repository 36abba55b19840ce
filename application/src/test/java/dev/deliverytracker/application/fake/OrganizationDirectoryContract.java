package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every store of organizations promises, run against the fake and PostgreSQL; names unique per test. */
public abstract class OrganizationDirectoryContract {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    protected abstract OrganizationDirectory directory();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_created_organization_is_enabled_and_found_by_id_and_by_name_in_any_case() {
        String name = unique("North");

        Organization created = directory().create(name, AT).orElseThrow();

        assertThat(created).isEqualTo(new Organization(created.id(), name, true, AT));
        assertThat(directory().find(created.id())).contains(created);
        assertThat(directory().findByName(name.toUpperCase())).contains(created);
        assertThat(directory().list()).contains(created);
    }

    @Test
    void renaming_and_disabling_are_read_back_at_once() {
        Organization created = directory().create(unique("south"), AT.truncatedTo(ChronoUnit.MILLIS)).orElseThrow();
        String renamed = unique("south-renamed");

        directory().save(created.renamed(renamed).disabled());

        assertThat(directory().find(created.id())).contains(created.renamed(renamed).disabled());
        directory().save(created.renamed(renamed));
        assertThat(directory().find(created.id()).orElseThrow().enabled()).isTrue();
        assertThat(directory().findByName(created.name())).isEmpty();
    }

    @Test
    void a_name_is_created_once_whatever_its_case() {
        String name = unique("Twice");
        directory().create(name, AT).orElseThrow();

        assertThat(directory().create(name.toUpperCase(), AT)).isEmpty();
    }

    @Test
    void unknown_organizations_are_not_found() {
        assertThat(directory().find(OrganizationId.of(Long.MAX_VALUE))).isEmpty();
        assertThat(directory().findByName(unique("nobody"))).isEmpty();
    }
}
