package dev.deliverytracker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrganizationTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void a_name_is_trimmed_and_compared_without_case() {
        Organization acme = new Organization(OrganizationId.of(1), "  Acme Brand-2 ", true, CREATED);

        assertThat(acme.name()).isEqualTo("Acme Brand-2");
        assertThat(acme.isNamed("acme brand-2")).isTrue();
        assertThat(acme.isNamed("acme")).isFalse();
    }

    @Test
    void a_malformed_name_is_refused_naming_the_field_and_showing_the_value_safely() {
        assertThatThrownBy(() -> Organization.requireName("")).hasMessageStartingWith("name: ");
        assertThatThrownBy(() -> Organization.requireName(null)).hasMessageContaining("was nothing");
        assertThatThrownBy(() -> Organization.requireName("-starts-with-dash")).hasMessageStartingWith("name: ");
        assertThatThrownBy(() -> Organization.requireName("a\nb")).hasMessageContaining("'a?b'");
        assertThatThrownBy(() -> Organization.requireName("x".repeat(65))).hasMessageContaining("1 to 64");
        assertThat(Organization.requireName("x".repeat(64))).hasSize(64);
    }

    @Test
    void disabling_and_enabling_keep_the_name_and_creation_time() {
        Organization acme = new Organization(OrganizationId.of(1), "acme", true, CREATED);

        Organization disabled = acme.disabled();

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.enabledAgain()).isEqualTo(acme);
        assertThat(acme.renamed("globex")).isEqualTo(new Organization(OrganizationId.of(1), "globex", true, CREATED));
    }

    @Test
    void scopes_are_read_from_their_wire_names_and_an_unknown_one_is_named() {
        assertThat(ApiScope.parse(" Send ")).isEqualTo(ApiScope.SEND);
        assertThat(ApiScope.organizationDefault()).containsExactly(ApiScope.SEND, ApiScope.READ, ApiScope.MANAGE);
        assertThatThrownBy(() -> ApiScope.parse("admin")).hasMessage(
                "scopes: each scope must be one of send, read, manage, platform, was 'admin'");
    }
}
