package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.CrashRecoveryIT.freePort;
import static dev.deliverytracker.bootstrap.CrashRecoveryIT.rowsPerSid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.simulator.SimulatorSettings;
import dev.deliverytracker.simulator.TwilioSimulator;
import dev.deliverytracker.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged service over one external PostgreSQL behind a balancer, Twilio
 * played by the simulator, one instance killed with SIGKILL while the outbox drains. Its claims come
 * back after their lease and the other instance takes them over as in doubt; the first sends'
 * callbacks, which carry our message id, may already have reached the survivor. Every message
 * accepted with 202 reaches Twilio exactly once, and every callback answered 200 is stored once.
 */
class TwoInstancesCrashIT {

    private static final String API_KEY = "dt_two-instances-crash-test-key-001";
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path folder;

    @Test
    void a_sigkill_of_one_instance_loses_nothing_acknowledged_and_sends_nothing_twice() throws Exception {
        TestDatabase.Connection database = TestDatabase.connection();
        int[] ports = {freePort(), freePort()};
        try (TwilioSimulator twilio = TwilioSimulator.start(SimulatorSettings.defaults());
                RoundRobinProxy balancer = new RoundRobinProxy()) {
            twilio.behaviour(twilio.behaviour().withDelays(0, 50).withDuplicateRate(0.1));
            balancer.add(() -> ports[0]);
            balancer.add(() -> ports[1]);
            Map<String, String> environment = Map.of(
                    "DATABASE_URL", database.url(),
                    "DATABASE_USER", database.user(),
                    "DATABASE_PASSWORD", database.password(),
                    "TWILIO_ACCOUNT_SID", twilio.accountSid(),
                    "TWILIO_AUTH_TOKEN", twilio.authToken(),
                    "TWILIO_API_BASE_URL", twilio.baseUrl().toString(),
                    "TWILIO_DEFAULT_FROM", "+15005550006",
                    "TRACKER_API_KEY", API_KEY,
                    // The load sends from one number far faster than a real sender may; pacing is tested elsewhere.
                    "TRACKER_PACING_ENABLED", "false",
                    "PUBLIC_BASE_URL", "http://localhost:" + balancer.port());
            String[] arguments = {"--tracker.dispatch.lease=10s", "--tracker.dispatch.interval=50ms",
                    "--tracker.rate-limits.enabled=false"};
            // One after the other: both would otherwise race to apply the same migrations.
            try (ServiceProcess doomed = ServiceProcess.start("doomed", folder, ports[0], environment, arguments)) {
                doomed.awaitHealthy(START);
                try (ServiceProcess survivor = ServiceProcess.start("survivor", folder, ports[1], environment,
                        arguments)) {
                    survivor.awaitHealthy(START);

                    CrashLoad load = new CrashLoad(twilio.accountSid(), twilio.authToken(),
                            "http://localhost:" + balancer.port(), API_KEY).start(8, 4, balancer::port);
                    load.awaitAcknowledged(1000, 300, Duration.ofSeconds(90));
                    doomed.kill();
                    ports[0] = 0;
                    load.close();

                    Map<Long, Long> sends = load.awaitEachSent(twilio, Duration.ofSeconds(90));
                    assertThat(sends).as(load.summary()).hasSize(load.acceptedMessages().size())
                            .allSatisfy((id, count) -> assertThat(count).as("sends of message %d", id).isEqualTo(1));

                    try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                            database.password())) {
                        assertThat(rowsPerSid(connection, load.acknowledgedCallbacks()))
                                .as(load.summary()).hasSize(load.acknowledgedCallbacks().size())
                                .allSatisfy((sid, rows) -> assertThat(rows).as(sid).isEqualTo(1));
                    }
                    assertThat(survivor.isAlive()).isTrue();
                }
            }
        }
    }
}
