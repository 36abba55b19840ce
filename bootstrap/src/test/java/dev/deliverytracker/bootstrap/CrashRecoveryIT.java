package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.simulator.SimulatorSettings;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's crash: the README's start command with the embedded PostgreSQL, callbacks and sends
 * coming in, the process killed with SIGKILL, and the same command run once more in the same folder.
 * The restart must be healthy at once, every callback answered 200 stored exactly once, every
 * message answered 202 sent to Twilio exactly once, and an orderly stop (SIGTERM) afterwards must
 * stop the embedded database with the service.
 */
class CrashRecoveryIT {

    private static final String API_KEY = "dt_crash-recovery-test-key-00000001";
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path folder;

    @Test
    void after_a_sigkill_under_load_the_first_restart_is_healthy_and_nothing_acknowledged_is_lost_or_sent_twice()
            throws Exception {
        int port = freePort();
        int databasePort = freePort();
        try (TwilioSimulator twilio = TwilioSimulator.start(SimulatorSettings.defaults())) {
            twilio.behaviour(twilio.behaviour().withDelays(0, 50));
            Map<String, String> environment = embeddedService(twilio, port, databasePort);
            String[] arguments = {"--tracker.dispatch.lease=10s", "--tracker.dispatch.interval=50ms"};

            ServiceProcess first = ServiceProcess.start("first", folder, port, environment, arguments);
            CrashLoad load;
            try {
                first.awaitHealthy(START);
                load = new CrashLoad(twilio.accountSid(), twilio.authToken(), "http://localhost:" + port, API_KEY)
                        .start(16, 2, () -> port);
                load.awaitAcknowledged(1500, 40, Duration.ofSeconds(60));
                first.kill();
            } finally {
                first.close();
            }
            load.close();

            try (ServiceProcess restarted = ServiceProcess.start("restarted", folder, port, environment, arguments)) {
                restarted.awaitHealthy(START);

                try (Connection database = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", "postgres")) {
                    assertThat(rowsPerSid(database, load.acknowledgedCallbacks()))
                            .as(load.summary()).hasSize(load.acknowledgedCallbacks().size())
                            .allSatisfy((sid, rows) -> assertThat(rows).as(sid).isEqualTo(1));
                }
                Map<Long, Long> sends = load.awaitEachSent(twilio, Duration.ofSeconds(90));
                assertThat(sends).as(load.summary()).hasSize(load.acceptedMessages().size())
                        .allSatisfy((id, count) -> assertThat(count).as("sends of message %d", id).isEqualTo(1));

                assertThat(restarted.terminate(Duration.ofSeconds(60))).as("exit code after SIGTERM").isIn(0, 143);
                assertThat(folder.resolve(".data/postgres/postmaster.pid"))
                        .as("the embedded PostgreSQL stopped with the service").doesNotExist();
            }
        }
    }

    @Test
    void a_sigterm_under_load_answers_every_callback_it_took_and_stops_the_database_last() throws Exception {
        int port = freePort();
        int databasePort = freePort();
        try (TwilioSimulator twilio = TwilioSimulator.start(SimulatorSettings.defaults())) {
            Map<String, String> environment = embeddedService(twilio, port, databasePort);

            CrashLoad load;
            String stoppedLog;
            try (ServiceProcess service = ServiceProcess.start("stopped", folder, port, environment)) {
                service.awaitHealthy(START);
                load = new CrashLoad(twilio.accountSid(), twilio.authToken(), "http://localhost:" + port, API_KEY)
                        .start(16, 2, () -> port);
                load.awaitAcknowledged(1500, 40, Duration.ofSeconds(60));

                assertThat(service.terminate(Duration.ofSeconds(60))).as("exit code after SIGTERM").isIn(0, 143);
                load.close();
                stoppedLog = service.log();
            }
            assertThat(stoppedLog).contains("webhook closed").doesNotContain("callbacks not recorded")
                    .doesNotContain("still unanswered");
            assertThat(folder.resolve(".data/postgres/postmaster.pid")).doesNotExist();

            try (ServiceProcess restarted = ServiceProcess.start("after-sigterm", folder, port, environment)) {
                restarted.awaitHealthy(START);
                try (Connection database = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", "postgres")) {
                    assertThat(rowsPerSid(database, load.acknowledgedCallbacks()))
                            .as(load.summary()).hasSize(load.acknowledgedCallbacks().size())
                            .allSatisfy((sid, rows) -> assertThat(rows).as(sid).isEqualTo(1));
                }
                Map<Long, Long> sends = load.awaitEachSent(twilio, Duration.ofSeconds(60));
                assertThat(sends).allSatisfy((id, count) -> assertThat(count).as("sends of message %d", id).isEqualTo(1));
            }
        }
    }

    /**
     * The README's start command's settings, with the simulator playing Twilio; a fixed database port,
     * so a restart must not mistake a dead service's server for its own.
     */
    private Map<String, String> embeddedService(TwilioSimulator twilio, int port, int databasePort) {
        return Map.of(
                "TRACKER_DATA_DIR", folder.resolve(".data/postgres").toString(),
                "TRACKER_EMBEDDED_DB_PORT", Integer.toString(databasePort),
                "TWILIO_ACCOUNT_SID", twilio.accountSid(),
                "TWILIO_AUTH_TOKEN", twilio.authToken(),
                "TWILIO_API_BASE_URL", twilio.baseUrl().toString(),
                "TWILIO_DEFAULT_FROM", "+15005550006",
                "TRACKER_API_KEY", API_KEY,
                "TRACKER_PACING_ENABLED", "false",
                "PUBLIC_BASE_URL", "http://localhost:" + port);
    }

    static Map<String, Long> rowsPerSid(Connection database, Set<String> sids) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        try (PreparedStatement query = database.prepareStatement("""
                select provider_sid, count(*) from message_delivery_log where provider_sid = any (?)
                group by provider_sid
                """)) {
            query.setArray(1, database.createArrayOf("text", sids.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getLong(2));
                }
            }
        }
        return rows;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
