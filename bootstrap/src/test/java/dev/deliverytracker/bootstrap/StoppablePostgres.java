package dev.deliverytracker.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL of a test's own that the test stops and starts again on the same folder and
 * port, as an operator's restart or an outage does; the service under test keeps its JDBC URL.
 */
final class StoppablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private StoppablePostgres(Path dataDirectory, EmbeddedPostgres server) {
        this.dataDirectory = dataDirectory;
        this.server = server;
        this.port = server.getPort();
    }

    static StoppablePostgres start(String name) {
        try {
            Path folder = Files.createTempDirectory(name);
            // Not "clean": a clean embedded server deletes its data when it stops, and this one must come back.
            return new StoppablePostgres(folder, EmbeddedPostgres.builder().setDataDirectory(folder)
                    .setCleanDataDirectory(false).start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL for " + name, e);
        }
    }

    String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    synchronized void stop() throws IOException {
        server.close();
    }

    synchronized void restart() throws IOException {
        server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                .start();
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
    }
}
