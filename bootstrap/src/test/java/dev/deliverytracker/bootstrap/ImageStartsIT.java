package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deliverytracker.testsupport.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image users run, started: target/jib-image-debian.tar (this build's Jib configuration on a JRE
 * base built from Debian packages, ADR 0075) unpacked and run by runc with nothing but what the image
 * says (entrypoint, user, environment) plus what deploy/kubernetes gives a pod (the database settings,
 * a 1 GiB memory limit, every capability dropped, no privilege escalation), against a PostgreSQL of the
 * test. It must become ready, answer its probes, send a message through its embedded simulator, run as
 * its non-root user with a heap sized from the memory limit, and stop in an orderly way on SIGTERM
 * within the manifest's grace period.
 */
class ImageStartsIT {

    private static final Path IMAGE = Path.of("target", "jib-image-debian.tar").toAbsolutePath();
    private static final String API_KEY = "dt_image-starts-test-key-000000001";
    /** deploy/kubernetes/delivery-tracker.yaml: limits.memory and terminationGracePeriodSeconds. */
    private static final long MEMORY_LIMIT = 1L << 30;
    private static final Duration GRACE = Duration.ofSeconds(45);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path folder;

    private static EmbeddedPostgres database;
    private static RuncContainer container;
    private static int port;

    @BeforeAll
    static void startTheImage() throws Exception {
        List<String> missing = new ArrayList<>(RuncContainer.missingTools());
        if (!Files.isRegularFile(IMAGE)) {
            missing.add(IMAGE + " (built by the debian-image profile: ./mvnw -Pdebian-image verify)");
        }
        // CI installs the tools and turns the profile on (.ci/run); elsewhere this test is skipped, loudly.
        if (!missing.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must start the image; missing: " + missing);
        }
        assumeTrue(missing.isEmpty(), "the image is not started here; missing: " + missing
                + " (apt-get install mmdebstrap umoci runc, as root)");

        database = TestDatabase.startEmbedded();
        port = CrashRecoveryIT.freePort();
        container = RuncContainer.start(IMAGE, folder, Map.of(
                "DATABASE_URL", "jdbc:postgresql://localhost:" + database.getPort() + "/postgres",
                "DATABASE_USER", "postgres",
                "DATABASE_PASSWORD", "postgres",
                "PORT", Integer.toString(port),
                "TRACKER_API_KEY", API_KEY,
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"), MEMORY_LIMIT);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(container.isRunning()).as("the container exited before it was ready:\n%s",
                    container.logTail()).isTrue();
            return status("/actuator/health/readiness").equals("UP");
        });
    }

    @AfterAll
    static void stopTheImage() throws Exception {
        try {
            if (container != null && container.isRunning()) {
                // 143: the JVM ended by SIGTERM after its shutdown hooks, i.e. Spring's orderly stop ran.
                assertThat(container.stop(GRACE)).as(container.logTail()).isEqualTo(143);
                assertThat(container.log()).contains("Graceful shutdown complete");
            }
        } finally {
            if (container != null) {
                container.close();
            }
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void the_probes_of_the_deploy_files_answer_up_with_the_database_reachable() throws Exception {
        assertThat(status("/actuator/health/liveness")).isEqualTo("UP");
        assertThat(status("/actuator/health/readiness")).isEqualTo("UP");
        JsonNode health = get("/actuator/health");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void the_entrypoint_is_the_image_own_and_runs_as_its_non_root_user() throws Exception {
        long pid = container.pid();
        List<String> commandLine = List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                StandardCharsets.UTF_8).split("\0"));
        assertThat(commandLine).containsExactly("java", "-XX:MaxRAMPercentage=75", "-cp", "@/app/jib-classpath-file",
                DeliveryTrackerApplication.class.getName());
        List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        assertThat(status).anySatisfy(line -> assertThat(line).matches("Uid:\\s+10001\\s+10001\\s+10001\\s+10001"));
        assertThat(status).anySatisfy(line -> assertThat(line).matches("Gid:\\s+10001\\s+10001\\s+10001\\s+10001"));
        assertThat(status).anySatisfy(line -> assertThat(line).matches("CapEff:\\s+0+"));
        assertThat(status).anySatisfy(line -> assertThat(line).matches("NoNewPrivs:\\s+1"));
    }

    @Test
    void the_heap_follows_the_container_memory_limit() throws Exception {
        JsonNode heap = get("/actuator/metrics/jvm.memory.max?tag=area:heap");
        double max = heap.path("measurements").get(0).path("value").asDouble();
        // -XX:MaxRAMPercentage=75 of the 1 GiB the runtime's cgroup allows, not of the machine's memory.
        assertThat(max).isCloseTo(0.75 * MEMORY_LIMIT, within(0.05 * MEMORY_LIMIT));
    }

    @Test
    void a_message_sent_through_the_api_is_delivered_by_the_embedded_simulator() throws Exception {
        deliver("+31612345670");
    }

    @Test
    void its_log_lines_are_ecs_json_with_the_recipient_masked() throws Exception {
        deliver("+31612345671");
        List<String> lines = container.log().lines().toList();
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            assertThat(JSON.readTree(line).has("@timestamp")).as(line).isTrue();
        }
        assertThat(container.log()).doesNotContain("31612345671");
    }

    private static void deliver(String to) throws Exception {
        ApiClient api = new ApiClient(port, API_KEY);
        HttpResponse<String> accepted = api.post("/api/v1/messages",
                "{\"channel\":\"whatsapp\",\"to\":\"" + to + "\",\"body\":\"from the image\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(api.get("/api/v1/messages/" + id).body()).containsPattern("\"status\":\"(delivered|read)\""));
    }

    private static String status(String path) throws IOException, InterruptedException {
        try {
            return get(path).path("status").asText();
        } catch (IOException notListening) {
            return "not listening";
        }
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
