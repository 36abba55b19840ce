package dev.deliverytracker.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;

/**
 * The packaged service run as users run it: its own JVM started from {@code target/app}, settings
 * from the environment, output to a log file. It can be stopped as the kernel or a platform does it:
 * SIGTERM for an orderly stop, SIGKILL for a crash.
 */
final class ServiceProcess implements AutoCloseable {

    /** The start command's jar, built by {@code package} before the integration tests run. */
    static final Path JAR = Path.of("target", "app", "delivery-tracker.jar").toAbsolutePath();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the jar in {@code workingDirectory} with these environment variables and arguments. */
    static ServiceProcess start(String name, Path workingDirectory, int port, Map<String, String> environment,
            String... arguments) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: these tests run after `package` (./mvnw verify)");
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                JAR.toString()));
        command.addAll(List.of(arguments));
        return start(name, workingDirectory, port, environment, command);
    }

    /** The single executable jar, which carries Spring Boot's launchers. */
    static final Path EXECUTABLE_JAR = Path.of("target", "delivery-tracker.jar").toAbsolutePath();

    /**
     * Starts the single executable jar through Spring Boot's {@code PropertiesLauncher}, with the jars
     * of {@code loaderPath} added to its class path, as docs/extending.md tells a team to add its adapter.
     */
    static ServiceProcess startWithLoaderPath(String name, Path workingDirectory, int port,
            Map<String, String> environment, Path loaderPath, String... arguments) {
        if (!Files.isRegularFile(EXECUTABLE_JAR)) {
            throw new IllegalStateException(EXECUTABLE_JAR + " is missing: these tests run after `package`");
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dloader.path=" + loaderPath, "-cp", EXECUTABLE_JAR.toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher"));
        command.addAll(List.of(arguments));
        return start(name, workingDirectory, port, environment, command);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static ServiceProcess start(String name, Path workingDirectory, int port, Map<String, String> environment,
            List<String> command) {
        try {
            Files.createDirectories(workingDirectory);
            Path log = workingDirectory.resolve(name + "-" + System.nanoTime() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("PORT", Integer.toString(port));
            return new ServiceProcess(name, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Waits until the health endpoint answers UP; fails at once, with the end of the log, if the
     * process exits first, since a service that gave up starting is the failure these tests look for.
     */
    void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was healthy:\n"
                        + logTail());
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200
                        && JSON.readTree(health.body()).path("status").asText().equals("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            pause(Duration.ofMillis(250));
        }
        throw new AssertionError(name + " was not healthy within " + timeout + ":\n" + logTail());
    }

    /** SIGKILL, as the OOM killer or a container runtime does it: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, as a platform stops a replica: the orderly stop runs. Answers the exit code. */
    int terminate(Duration timeout) {
        process.destroy();
        awaitExit(timeout);
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail() {
        String all = log();
        return all.substring(Math.max(0, all.length() - 6000));
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not exit within " + timeout + ":\n" + logTail());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
