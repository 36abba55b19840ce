package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.deliverytracker.application.fake.InMemoryOperatorAccounts;
import dev.deliverytracker.application.fake.InMemoryOrganizationDirectory;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.OrganizationName;
import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatorServiceTest {

    private final InMemoryOperatorAccounts accounts = new InMemoryOperatorAccounts();
    private final InMemoryOrganizationDirectory organizations = new InMemoryOrganizationDirectory();
    private final OperatorService operators = new OperatorService(accounts, organizations,
            password -> "{test}" + password.length(), new SecureRandom());
    private final OrganizationId acme = accounts.addOrganization("acme");

    @Test
    void the_first_start_creates_an_admin_with_a_generated_password_shown_once() {
        Optional<String> shown = operators.ensureFirstAdmin("admin", Optional.empty(), acme);

        assertThat(shown).hasValueSatisfying(password -> assertThat(password).hasSizeGreaterThanOrEqualTo(20));
        OperatorAccount admin = accounts.find("admin").orElseThrow();
        assertThat(admin.roles()).containsOnly(entry(acme, OperatorRole.ADMIN));
        assertThat(admin.platform()).as("the one person who can create the others").isTrue();
        assertThat(admin.passwordHash()).isEqualTo("{test}" + shown.get().length()).doesNotContain(shown.get());

        assertThat(operators.ensureFirstAdmin("admin", Optional.empty(), acme)).isEmpty();
        assertThat(operators.ensureFirstAdmin("other", Optional.of("a-password-given"), acme)).isEmpty();
        assertThat(accounts.find("other")).isEmpty();
    }

    @Test
    void a_configured_first_admin_password_is_used_and_not_shown() {
        assertThat(operators.ensureFirstAdmin("root", Optional.of("correct horse battery"), acme)).isEmpty();

        assertThat(accounts.find("root").orElseThrow().passwordHash()).isEqualTo("{test}21");
    }

    @Test
    void a_platform_administrator_sees_every_organization_and_anyone_else_only_their_own() {
        organizations.create("zeta", Instant.EPOCH);
        organizations.create("alpha", Instant.EPOCH);
        operators.define("root", "long enough password", OperatorRole.VIEWER, Set.of("acme"), true);
        operators.define("ann", "long enough password", OperatorRole.OPERATOR, Set.of("acme"));

        assertThat(operators.organizationsOf("root")).extracting(OrganizationName::name)
                .containsExactly("alpha", "zeta");
        assertThat(operators.organizationsOf("ann")).containsExactly(new OrganizationName(acme, "acme"));
        assertThat(operators.actor("ann")).hasValue(new Actor.Operator("ann", Map.of(acme, OperatorRole.OPERATOR),
                false));
        assertThat(operators.actor("root").orElseThrow().isPlatformAdministrator()).isTrue();
        assertThat(operators.actor("nobody")).isEmpty();
    }

    @Test
    void an_encoded_password_is_stored_as_given() {
        operators.define("viewer", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", OperatorRole.VIEWER, Set.of("acme"));

        assertThat(accounts.find("viewer").orElseThrow().passwordHash()).isEqualTo("{bcrypt}$2a$10$abcdefghijklmnopqrstuv");
    }

    @Test
    void a_bad_definition_says_what_is_wrong() {
        assertThatThrownBy(() -> operators.define("ann", "short", OperatorRole.VIEWER, Set.of("acme")))
                .hasMessageContaining("password of operator 'ann' must be at least 12 characters");
        assertThatThrownBy(() -> operators.define("ann", "long enough password", OperatorRole.VIEWER,
                Set.of("acme", "nowhere", "atlantis")))
                .hasMessageContaining("organizations that do not exist: atlantis, nowhere");
        assertThatThrownBy(() -> operators.define("a b", "long enough password", OperatorRole.VIEWER, Set.of("acme")))
                .hasMessageContaining("username is 1 to 64 letters");
        assertThatThrownBy(() -> operators.define("ann", "long enough password", OperatorRole.VIEWER, Set.of()))
                .hasMessageContaining("at least one organization");
        assertThat(accounts.any()).isFalse();
    }

    @Test
    void a_username_that_could_never_exist_is_not_looked_up() {
        assertThat(operators.find("x".repeat(65))).isEmpty();
        assertThat(operators.find(null)).isEmpty();
    }
}
