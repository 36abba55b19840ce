package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Configuration as code through the running service: the organizations file is applied at start
 * through the administration's use cases (the account checked with the simulator playing Twilio),
 * and applying it again changes nothing and writes nothing to the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + OrganizationsFileSystemTest.PLATFORM_KEY,
        "tracker.dispatch.enabled=false",
        "NORTH_TWILIO_TOKEN=north-file-token",
        "NORTH_OPERATOR_PASSWORD=a-long-enough-password"})
@DirtiesContext
class OrganizationsFileSystemTest extends SimulatedServiceTest {

    static final String PLATFORM_KEY = "dt_organizations-file-system-test-key";
    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    static final String ACCOUNT = DeliveryStoreContract.randomAccount().value();

    @DynamicPropertySource
    static void file(DynamicPropertyRegistry registry) {
        try {
            Path file = Files.createTempFile("organizations", ".yml");
            Files.writeString(file, """
                    organizations:
                      - name: North-%1$s
                        twilio-accounts:
                          - account-sid: %2$s
                            auth-token-env: NORTH_TWILIO_TOKEN
                        senders:
                          - channel: sms
                            from: "+15005550006"
                            is-default: true
                          - channel: whatsapp
                            from: "whatsapp:+15005550006"
                      - name: South-%1$s
                        enabled: false
                    operators:
                      - username: north-%1$s
                        password-env: NORTH_OPERATOR_PASSWORD
                        role: viewer
                        organizations: [North-%1$s]
                    """.formatted(SUFFIX, ACCOUNT));
            registry.add("tracker.organizations.file", file::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Twilio knows the account before the file is applied, as it would in production. */
    @TestConfiguration
    static class TwilioKnowsTheAccount {
        @Bean
        Object accountAtTwilio(TwilioSimulator simulator) {
            simulator.registerAccount(ACCOUNT, "north-file-token");
            return ACCOUNT;
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("organizationsFile")
    ApplicationRunner organizationsFile;

    @Autowired
    ManageOperators operators;

    @Test
    void the_file_is_applied_at_start_and_applying_it_again_changes_nothing() throws Exception {
        ApiClient platform = new ApiClient(port, PLATFORM_KEY);
        String organizations = platform.get("/api/v1/organizations").body();
        assertThat(organizations).contains("\"name\":\"North-" + SUFFIX + "\",\"enabled\":true",
                "\"name\":\"South-" + SUFFIX + "\",\"enabled\":false");
        long north = jdbc.sql("select org_id from organizations where name = :name").param("name", "North-" + SUFFIX)
                .query(Long.class).single();
        assertThat(platform.get("/api/v1/organizations/" + north + "/twilio-accounts").body()).contains(ACCOUNT);
        assertThat(platform.get("/api/v1/organizations/" + north + "/senders").body())
                .contains("\"from\":\"+15005550006\",\"isDefault\":true",
                        "\"from\":\"whatsapp:+15005550006\"");
        assertThat(operators.organizationsOf("north-" + SUFFIX)).extracting(organization -> organization.name())
                .containsExactly("North-" + SUFFIX);
        assertThat(platform.get("/api/v1/organizations/" + north + "/audit").body())
                .contains("\"actor\":\"configuration:file\"", "organization.created", "twilio-account.registered")
                .doesNotContain("north-file-token");
        long audited = jdbc.sql("select count(*) from audit_events").query(Long.class).single();

        organizationsFile.run(new DefaultApplicationArguments());

        assertThat(jdbc.sql("select count(*) from audit_events").query(Long.class).single()).isEqualTo(audited);
        assertThat(jdbc.sql("select count(*) from organizations where name like :name")
                .param("name", "%-" + SUFFIX).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void a_file_naming_a_missing_variable_or_a_bad_value_says_which_entry() throws IOException {
        Path file = Files.createTempFile("organizations", ".yml");
        Files.writeString(file, """
                organizations:
                  - name: Bad-%s
                    senders:
                      - channel: fax
                        from: "+15005550006"
                """.formatted(SUFFIX));

        OrganizationsFile read = OrganizationsFileConfiguration.read(file);

        assertThat(read.organizations()).singleElement().satisfies(organization ->
                assertThat(organization.senders()).singleElement().satisfies(sender ->
                        assertThat(sender.channel()).isEqualTo("fax")));
        assertThatThrownBy(() -> OrganizationsFileConfiguration.read(file.resolveSibling("missing-" + SUFFIX + ".yml")))
                .hasMessageContaining("tracker.organizations.file (TRACKER_ORGANIZATIONS_FILE): no file at");
    }
}
