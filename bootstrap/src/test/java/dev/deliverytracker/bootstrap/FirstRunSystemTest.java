package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.persistence.StoredMessages;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first run of a newcomer: no database and no Twilio configured. The service starts on the
 * embedded PostgreSQL and the embedded simulator, reports healthy with its database, shows the first
 * admin's password once (it signs in), and keeps what it stored across a restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstRunSystemTest {

    private static final Pattern ADMIN_PASSWORD = Pattern.compile(
            "Dashboard admin \\(shown once[^\\n]*\\n\\s*username: admin\\s*\\n\\s*password: (\\S+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void with_nothing_configured_it_starts_healthy_and_a_restart_keeps_the_data(@TempDir Path data,
            CapturedOutput output) throws Exception {
        Message stored;
        try (ConfigurableApplicationContext first = start(data)) {
            Matcher admin = ADMIN_PASSWORD.matcher(output.getOut());
            assertThat(admin.find()).as("the first admin's password, shown once").isTrue();
            DashboardSession browser = new DashboardSession(ServiceInstance.portOf(first));
            assertThat(browser.signIn("admin", admin.group(1))).contains("/dashboard");
            assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
            assertThat(browser.get("/dashboard/organizations").body()).as("the first admin creates organizations")
                    .contains("id=\"create-organization\"");

            HttpResponse<String> health = get(first, "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"");

            TwilioSimulator simulator = first.getBean(TwilioSimulator.class);
            OrganizationId org = first.getBean(TwilioAccounts.class)
                    .findBySid(AccountSid.of(simulator.accountSid())).orElseThrow().organization();
            stored = first.getBean(StoredMessages.class).add(Message.pending(org, Address.sms("+31612345678"),
                    Sender.organizationDefault(), new MessageContent.Text("kept across restarts"), Map.of(),
                    Optional.empty(), Instant.now().truncatedTo(ChronoUnit.MICROS)));

            assertThat(get(first, "/actuator/prometheus").body()).contains("tracker_callbacks_record_time");
        }
        int shownBefore = output.getOut().length();
        try (ConfigurableApplicationContext second = start(data)) {
            assertThat(second.getBean(StoredMessages.class).find(stored.id().get())).contains(stored);
            assertThat(output.getOut().substring(shownBefore)).as("nothing shown twice")
                    .doesNotContain("Dashboard admin").doesNotContain("API key of organization");
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(DeliveryTrackerApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=",
                "--tracker.twilio.account-sid=",
                "--tracker.embedded-database.data-directory=" + data.resolve("postgres"));
    }

    private HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
