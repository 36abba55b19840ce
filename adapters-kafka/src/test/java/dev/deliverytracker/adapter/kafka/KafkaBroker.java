package dev.deliverytracker.adapter.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker for tests, in KRaft mode (broker and controller in one), run as a process of its
 * own from the kafka_2.13 artifact on the test class path: no Docker, and it can be stopped and started
 * again on the same ports and data, as an operator restarts a broker. Its output goes to
 * {@code target/kafka-broker-*.log}.
 */
public final class KafkaBroker implements AutoCloseable {

    private static KafkaBroker shared;

    /** The broker the test classes of this JVM share (each uses topics of its own); stopped when the JVM ends. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private final Path data;
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private KafkaBroker(Path data, Path config, Path log, int port) {
        this.data = data;
        this.config = config;
        this.log = log;
        this.port = port;
    }

    /** Formats a fresh log directory and starts the broker; answers once it accepts connections. */
    public static KafkaBroker start() {
        try {
            Path data = Files.createTempDirectory("kafka-broker");
            int port = freePort();
            int controller = freePort();
            Path config = data.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "controller.quorum.voters=1@127.0.0.1:" + controller,
                    "log.dirs=" + data.resolve("logs"),
                    "num.partitions=3",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true", ""));
            Path log = Path.of("target", "kafka-broker-" + port + ".log").toAbsolutePath();
            KafkaBroker broker = new KafkaBroker(data, config, log, port);
            Process format = broker.run("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                    config.toString());
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting the broker's log directory failed; see " + log);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
            broker.startAgain();
            return broker;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker on its ports and data (again, after {@link #stop}); answers once it listens. */
    public void startAgain() {
        try {
            process = run("kafka.Kafka", config.toString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!listening()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the Kafka broker did not start; see " + log);
            }
            sleep(200);
        }
    }

    /** Stops the broker the way an operator does (SIGTERM, a clean shutdown), and waits until it is gone. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException interrupted) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it up
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private Process run(String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
