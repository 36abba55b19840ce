package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.CallbackClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deliverytracker.adapter.persistence.StoredMessages;
import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageSid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL goes away mid-test: the webhook must answer 503 (so Twilio retries), never 200, and
 * once PostgreSQL is back a retried callback is recorded and every callback that got 200 is there.
 * Runs on its own embedded server, because it stops it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
        "tracker.twilio.auth-token=configured-token",
        "tracker.dispatch.enabled=false",
        "spring.datasource.hikari.connection-timeout=1000",
        "spring.datasource.hikari.validation-timeout=500"})
class DatabaseOutageSystemTest {

    private static final StoppablePostgres postgres = StoppablePostgres.start("outage-pg");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", postgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    TrackerFixture fixture;

    @Autowired
    StoredMessages messages;

    @Autowired
    DeliveryLog log;

    @Autowired
    MeterRegistry meters;

    @Test
    void while_the_database_is_down_callbacks_get_503_and_a_retry_afterwards_is_recorded() throws IOException {
        AccountSid account = DeliveryStoreContract.randomAccount();
        Message message = fixture.acceptedMessage(fixture.organizationOf(account, "outage-token"));
        MessageSid sid = message.sid().get();
        CallbackClient client = new CallbackClient(port);
        List<String> acknowledged = new ArrayList<>();

        assertThat(post(client, account, sid, "sent").statusCode()).isEqualTo(200);
        acknowledged.add("sent");

        double unavailableBefore = unavailable();
        postgres.stop();
        HttpResponse<String> duringOutage = post(client, account, sid, "delivered");
        assertThat(duringOutage.statusCode()).isEqualTo(503);
        assertThat(duringOutage.headers().firstValue("Retry-After")).isPresent();
        assertThat(duringOutage.body()).contains("\"title\":\"Callback not recorded\"");
        assertThat(unavailable()).as("counted as unavailable").isEqualTo(unavailableBefore + 1);

        // Once a write fails for want of a connection, the database is known to be away: health says so,
        // and the next callbacks are refused without waiting for a connection.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(post(client, account, sid, "delivered").statusCode()).isEqualTo(503);
            return intake(client).path("status").asText().equals("DOWN");
        });
        assertThat(intake(client).path("details").path("unreachableSince").asText()).isNotBlank();
        double refusedAtOnce = meters.counter("tracker.ingest.refused.unreachable").count();
        assertThat(post(client, account, sid, "delivered").statusCode()).isEqualTo(503);
        assertThat(meters.counter("tracker.ingest.refused.unreachable").count()).isEqualTo(refusedAtOnce + 1);

        postgres.restart();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> post(client, account, sid, "delivered").statusCode() == 200);
        acknowledged.add("delivered");
        assertThat(intake(client).path("status").asText()).isEqualTo("UP");

        assertThat(messages.history(message.id().get())).extracting(DeliveryEvent::reportedStatus)
                .containsAll(acknowledged).containsExactly("queued", "sent", "delivered");
        assertThat(messages.find(message.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    /** The callbackIntake component of the health endpoint. */
    private static JsonNode intake(CallbackClient client) {
        try {
            String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.local(
                    "/actuator/health"))).build(), HttpResponse.BodyHandlers.ofString()).body();
            return new ObjectMapper().readTree(health).path("components").path("callbackIntake");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double unavailable() {
        return meters.counter("tracker.callbacks", "status", "delivered", "outcome", "unavailable").count();
    }

    private static HttpResponse<String> post(CallbackClient client, AccountSid account, MessageSid sid,
            String status) {
        Map<String, List<String>> form = form("MessageSid", sid.value(), "MessageStatus", status,
                "AccountSid", account.value());
        return client.post("/twilio-status", form,
                TwilioDocumentedSignature.sign("outage-token", client.local("/twilio-status"), form));
    }


}
