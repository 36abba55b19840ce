package dev.deliverytracker.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's folder after a crash: real PostgreSQL servers left running, as a service
 * killed with SIGKILL leaves them.
 */
class EmbeddedDataFolderTest {

    private static final Duration WAIT = Duration.ofMinutes(1);

    @TempDir
    Path temporary;

    @Test
    void a_postgresql_left_running_by_a_service_that_is_gone_is_stopped_and_its_data_kept() throws Exception {
        Path folder = temporary.resolve("postgres");
        EmbeddedPostgres orphan = start(folder);
        execute(orphan, "create table kept (id int); insert into kept values (42)");
        long orphanPid = PostmasterPidFile.in(folder).orElseThrow().pid();

        try (EmbeddedDataFolder claimed = EmbeddedDataFolder.claim(folder, WAIT)) {
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
            orphan.close();
            EmbeddedPostgres restarted = start(folder);
            try {
                assertThat(queryInt(restarted, "select id from kept")).isEqualTo(42);
            } finally {
                restarted.close();
            }
        }
    }

    @Test
    void a_folder_claimed_by_a_live_service_is_refused_naming_the_process_that_holds_it() {
        Path folder = temporary.resolve("postgres");
        try (EmbeddedDataFolder first = EmbeddedDataFolder.claim(folder, WAIT)) {
            assertThatThrownBy(() -> EmbeddedDataFolder.claim(folder, WAIT))
                    .isInstanceOf(DataFolderInUse.class)
                    .hasMessageContaining(folder.toAbsolutePath().toString())
                    .hasMessageContaining("process " + ProcessHandle.current().pid())
                    .hasMessageContaining("TRACKER_DATA_DIR");
        }
        EmbeddedDataFolder.claim(folder, WAIT).close();
    }

    @Test
    void a_lock_file_naming_a_process_that_is_not_postgresql_is_set_aside_and_nothing_is_stopped() throws IOException {
        Path folder = Files.createDirectories(temporary.resolve("postgres"));
        Path pidFile = folder.resolve(PostmasterPidFile.NAME);
        // After a container restart the number can belong to anything, here to this very test.
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + folder + "\n1700000000\n5432\n");

        EmbeddedDataFolder.claim(folder, WAIT).close();

        assertThat(pidFile).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void a_lock_file_of_a_process_that_no_longer_runs_is_left_to_postgresql() throws IOException {
        Path folder = Files.createDirectories(temporary.resolve("postgres"));
        Process gone = new ProcessBuilder("true").start();
        await().atMost(WAIT).until(() -> !gone.isAlive());
        Path pidFile = folder.resolve(PostmasterPidFile.NAME);
        Files.writeString(pidFile, gone.pid() + "\n" + folder + "\n");

        EmbeddedDataFolder.claim(folder, WAIT).close();

        assertThat(pidFile).exists();
    }

    @Test
    void the_watchdog_stops_postgresql_soon_after_its_owner_is_killed() throws Exception {
        Path folder = temporary.resolve("postgres");
        Process owner = new ProcessBuilder("sleep", "300").start();
        EmbeddedPostgres postgres = start(folder);
        try {
            long postmaster = PostmasterPidFile.in(folder).orElseThrow().pid();
            Process watchdog = PostmasterWatchdog.watch(owner.pid(), folder).orElseThrow();

            owner.destroyForcibly();

            await().atMost(WAIT).until(() -> ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).isEmpty());
            await().atMost(WAIT).until(() -> !watchdog.isAlive());
            assertThat(folder.resolve(PostmasterPidFile.NAME)).doesNotExist();
        } finally {
            owner.destroyForcibly();
            postgres.close();
        }
    }

    @Test
    void the_watchdog_signals_nothing_when_postgresql_stops_first_as_in_an_orderly_stop() throws Exception {
        Path folder = temporary.resolve("postgres");
        Process owner = new ProcessBuilder("sleep", "300").start();
        EmbeddedPostgres postgres = start(folder);
        try {
            Process watchdog = PostmasterWatchdog.watch(owner.pid(), folder).orElseThrow();

            postgres.close();

            await().atMost(WAIT).until(() -> !watchdog.isAlive());
            assertThat(watchdog.exitValue()).isZero();
            assertThat(owner.isAlive()).isTrue();
        } finally {
            owner.destroyForcibly();
        }
    }

    private static EmbeddedPostgres start(Path folder) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(folder).setCleanDataDirectory(false).start();
    }

    private static void execute(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int queryInt(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
