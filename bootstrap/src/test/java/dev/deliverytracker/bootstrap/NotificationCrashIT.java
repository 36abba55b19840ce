package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deliverytracker.simulator.SimulatorSettings;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL between commit and delivery loses no notification: the packaged service, with a receiver
 * subscribed to every status, is killed while messages are sent and called back; after the restart the
 * receiver gets, for every message, each sequence number from 1 to the number of status changes the
 * database committed for it. The count is written by the same statement as each change, so a gap would
 * be a committed change never notified.
 */
class NotificationCrashIT {

    private static final String API_KEY = "dt_notification-crash-test-key-0001";
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path folder;

    @Test
    void after_a_sigkill_every_committed_status_change_is_still_notified() throws Exception {
        int port = freePort();
        int databasePort = freePort();
        ObjectMapper json = new ObjectMapper();
        try (TwilioSimulator twilio = TwilioSimulator.start(SimulatorSettings.defaults());
                NotificationReceiver receiver = new NotificationReceiver(NotificationReceiver.Mode.TAKE)) {
            twilio.behaviour(twilio.behaviour().withDelays(0, 50));
            Map<String, String> environment = Map.of(
                    "TRACKER_DATA_DIR", folder.resolve(".data/postgres").toString(),
                    "TRACKER_EMBEDDED_DB_PORT", Integer.toString(databasePort),
                    "TWILIO_ACCOUNT_SID", twilio.accountSid(),
                    "TWILIO_AUTH_TOKEN", twilio.authToken(),
                    "TWILIO_API_BASE_URL", twilio.baseUrl().toString(),
                    "TWILIO_DEFAULT_FROM", "+15005550006",
                    "TRACKER_API_KEY", API_KEY,
                    "TRACKER_PACING_ENABLED", "false",
                    "PUBLIC_BASE_URL", "http://localhost:" + port);
            String[] arguments = {"--tracker.dispatch.lease=10s", "--tracker.dispatch.interval=50ms",
                    "--tracker.notifications.allow-http-loopback=true", "--tracker.notifications.interval=50ms",
                    "--tracker.notifications.answer-timeout=2s"};

            ServiceProcess first = ServiceProcess.start("notifications-first", folder, port, environment, arguments);
            CrashLoad load;
            try {
                first.awaitHealthy(START);
                HttpResponse<String> created = new ApiClient(port, API_KEY).post("/api/v1/notification-subscriptions",
                        "{\"url\":\"" + receiver.url() + "\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                receiver.secret(json.readTree(created.body()).path("secret").asText());

                load = new CrashLoad(twilio.accountSid(), twilio.authToken(), "http://localhost:" + port, API_KEY)
                        .start(4, 2, () -> port);
                load.awaitAcknowledged(200, 60, Duration.ofSeconds(90));
                first.kill();
            } finally {
                first.close();
            }
            load.close();
            int receivedBeforeRestart = receiver.events.size();

            try (ServiceProcess restarted = ServiceProcess.start("notifications-restarted", folder, port, environment,
                    arguments);
                    Connection database = connect(restarted, databasePort)) {
                // Callbacks the simulator still sends move messages on; wait until nothing is left to notify.
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                        waiting(database) == 0 && missing(database, receiver, json).isEmpty());

                assertThat(missing(database, receiver, json)).isEmpty();
                assertThat(receiver.badSignatures).hasValue(0);
                System.out.printf("NotificationCrashIT: %d messages, %d events received (%d before the SIGKILL, "
                        + "%d duplicates after dedupe)%n", sequences(database).size(), receiver.events.size(),
                        receivedBeforeRestart, receiver.duplicates.get());
                assertThat(sequences(database)).as("messages with status changes").hasSizeGreaterThan(10);
            }
        }
    }

    private static Connection connect(ServiceProcess service, int databasePort) throws SQLException {
        service.awaitHealthy(START);
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres",
                "postgres");
    }

    private static long waiting(Connection database) throws SQLException {
        try (ResultSet row = database.createStatement().executeQuery("""
                select (select count(*) from notification_events)
                    + (select count(*) from notification_deliveries where state = 'pending')""")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Each message's number of committed status changes. */
    private static Map<Long, Integer> sequences(Connection database) throws SQLException {
        Map<Long, Integer> sequences = new HashMap<>();
        try (ResultSet rows = database.createStatement().executeQuery(
                "select message_id, notification_sequence from messages where notification_sequence > 0")) {
            while (rows.next()) {
                sequences.put(rows.getLong(1), rows.getInt(2));
            }
        }
        return sequences;
    }

    /** "message id: sequence" of every committed change the receiver has not seen. */
    private static List<String> missing(Connection database, NotificationReceiver receiver, ObjectMapper json)
            throws Exception {
        Map<Long, Set<Integer>> seen = new HashMap<>();
        for (String body : receiver.events.values()) {
            JsonNode event = json.readTree(body);
            seen.computeIfAbsent(event.path("data").path("message").path("id").asLong(), id -> new TreeSet<>())
                    .add(event.path("sequence").asInt());
        }
        List<String> missing = new ArrayList<>();
        sequences(database).forEach((message, last) -> {
            for (int sequence = 1; sequence <= last; sequence++) {
                if (!seen.getOrDefault(message, Set.of()).contains(sequence)) {
                    missing.add(message + ": " + sequence);
                }
            }
        });
        return missing;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
