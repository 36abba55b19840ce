package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.simulator.SimulatorSettings;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootVersion;

/**
 * docs/extending.md followed by a test: the guide's chat notifier, written as another team's Maven module
 * with the guide's pom, built by Maven against nothing of ours but the published artifacts (in a
 * repository of the test's own, as `install` would leave them), runs the port's contract and the
 * architecture contract in its own build, then joins the packaged service from a folder on Spring
 * Boot's {@code loader.path} in place of our webhook notifier when its property says so; without the
 * property it stays out.
 */
class OutsideAdapterIT {

    private static final Duration START = Duration.ofSeconds(180);
    private static final String PLUGGED_IN = "chat alert notifier plugged in";
    private static final Path TRACKER = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    @Test
    void the_guide_s_adapter_built_by_maven_from_the_published_artifacts_takes_the_place_of_ours() throws Exception {
        Path adapters = folder.resolve("adapters");
        Files.createDirectories(adapters);
        Files.copy(buildTheGuidesModule(), adapters.resolve("chat-adapter-1.0.jar"));
        int port = CrashRecoveryIT.freePort();
        try (TwilioSimulator twilio = TwilioSimulator.start(SimulatorSettings.defaults())) {
            Map<String, String> environment = Map.of(
                    "TRACKER_DATA_DIR", folder.resolve(".data/postgres").toString(),
                    "TRACKER_EMBEDDED_DB_PORT", Integer.toString(CrashRecoveryIT.freePort()),
                    "TWILIO_ACCOUNT_SID", twilio.accountSid(),
                    "TWILIO_AUTH_TOKEN", twilio.authToken(),
                    "TWILIO_API_BASE_URL", twilio.baseUrl().toString(),
                    "TRACKER_API_KEY", "dt_outside-adapter-test-key-000000001",
                    "PUBLIC_BASE_URL", "http://localhost:" + port);

            try (ServiceProcess service = ServiceProcess.startWithLoaderPath("with-adapter", folder, port, environment,
                    adapters, "--tracker.alerts.notifier=chat")) {
                service.awaitHealthy(START);
                assertThat(service.log()).contains(PLUGGED_IN);
                assertThat(service.terminate(Duration.ofSeconds(60))).isIn(0, 143);
            }

            try (ServiceProcess service = ServiceProcess.startWithLoaderPath("without-property", folder, port,
                    environment, adapters)) {
                service.awaitHealthy(START);
                assertThat(service.log()).doesNotContain(PLUGGED_IN);
                assertThat(service.terminate(Duration.ofSeconds(60))).isIn(0, 143);
            }
        }
    }

    /** The module the guide describes, built by Maven with its own tests; answers its jar. */
    private Path buildTheGuidesModule() throws IOException, InterruptedException {
        String version = trackerVersion();
        Path repository = folder.resolve("repository");
        publish(repository, "delivery-tracker-parent", version, TRACKER.resolve("pom.xml"), null, null);
        publish(repository, "domain", version, TRACKER.resolve("domain/pom.xml"), built("domain", version, ""), null);
        publish(repository, "application", version, TRACKER.resolve("application/pom.xml"),
                built("application", version, ""), built("application", version, "-tests"));
        publish(repository, "architecture-rules", version, TRACKER.resolve("architecture-rules/pom.xml"),
                built("architecture-rules", version, ""), null);

        Path module = folder.resolve("chat-adapter");
        writeModule(module, version);
        Path log = folder.resolve("maven-build.log");
        // Our artifacts come only from the test's repository; Maven's plugins and the libraries of
        // Central from the machine's own, read-only (Maven 3.9's tail), else from Central itself.
        Process maven = new ProcessBuilder(TRACKER.resolve("mvnw").toString(), "-B", "-ntp", "package",
                "-Dmaven.repo.local=" + repository,
                "-Dmaven.repo.local.tail=" + Path.of(System.getProperty("user.home"), ".m2", "repository"))
                .directory(module.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!maven.waitFor(10, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
        }
        assertThat(maven.exitValue()).as("the module's Maven build; its log:%n%s", tail(log)).isZero();
        assertThat(Files.readString(log)).as("the module's own tests ran")
                .containsPattern("Tests run: [1-9][0-9]*, Failures: 0, Errors: 0, Skipped: 0, .* in "
                        + "com\\.example\\.tracker\\.chat\\.ChatAlertNotifierContractTest")
                .containsPattern("Tests run: [1-9][0-9]*, Failures: 0, Errors: 0, Skipped: 0, .* in "
                        + "com\\.example\\.tracker\\.chat\\.ChatAdapterArchitectureTest");
        return module.resolve("target/chat-adapter-1.0.jar");
    }

    /** As `install` leaves an artifact in a local repository: its pom, its jar, its test-jar. */
    private static void publish(Path repository, String artifact, String version, Path pom, Path jar, Path tests)
            throws IOException {
        Path folder = repository.resolve("dev/deliverytracker").resolve(artifact).resolve(version);
        Files.createDirectories(folder);
        String name = artifact + "-" + version;
        Files.copy(pom, folder.resolve(name + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, folder.resolve(name + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (tests != null) {
            Files.copy(tests, folder.resolve(name + "-tests.jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path built(String module, String version, String classifier) {
        Path jar = TRACKER.resolve(module).resolve("target").resolve(module + "-" + version + classifier + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: this test runs after `package`");
        }
        return jar;
    }

    /** The tracker's version, as the application module's jar is named after `package`. */
    private static String trackerVersion() throws IOException {
        try (Stream<Path> jars = Files.list(TRACKER.resolve("application/target"))) {
            return jars.map(path -> path.getFileName().toString())
                    .filter(name -> name.matches("application-[0-9].*(?<!-tests)(?<!-sources)\\.jar"))
                    .map(name -> name.substring("application-".length(), name.length() - ".jar".length()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("application's jar is missing"));
        }
    }

    private static void writeModule(Path module, String version) throws IOException {
        write(module, "pom.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example.tracker</groupId>
                  <artifactId>chat-adapter</artifactId>
                  <version>1.0</version>
                  <properties>
                    <tracker.version>%s</tracker.version>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-dependencies</artifactId><version>%s</version><type>pom</type><scope>import</scope></dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                    <dependency><groupId>dev.deliverytracker</groupId><artifactId>application</artifactId><version>${tracker.version}</version><scope>provided</scope></dependency>
                    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-autoconfigure</artifactId><scope>provided</scope></dependency>
                    <!-- Only to say in the log that it is plugged in; the service has it. -->
                    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><scope>provided</scope></dependency>
                    <dependency><groupId>dev.deliverytracker</groupId><artifactId>application</artifactId><version>${tracker.version}</version><type>test-jar</type><scope>test</scope></dependency>
                    <dependency><groupId>dev.deliverytracker</groupId><artifactId>architecture-rules</artifactId><version>${tracker.version}</version><scope>test</scope></dependency>
                    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-test</artifactId><scope>test</scope></dependency>
                    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
                    <dependency><groupId>org.assertj</groupId><artifactId>assertj-core</artifactId><scope>test</scope></dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
                      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
                      <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version, SpringBootVersion.getVersion()));
        write(module, "src/main/java/com/example/tracker/chat/ChatAlertNotifier.java", """
                package com.example.tracker.chat;

                import dev.deliverytracker.application.port.out.AlertNotification;
                import dev.deliverytracker.application.port.out.AlertNotifier;
                import dev.deliverytracker.domain.NotificationOutcome;
                import java.io.IOException;
                import java.net.URI;
                import java.net.http.HttpClient;
                import java.net.http.HttpRequest;
                import java.net.http.HttpResponse;
                import java.time.Duration;

                public final class ChatAlertNotifier implements AlertNotifier {

                    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

                    @Override
                    public NotificationOutcome notify(AlertNotification notification) {
                        URI chat = notification.rule().webhook().value();
                        try {
                            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(chat).timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString(notification.message())).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            return answer.statusCode() / 100 == 2 ? new NotificationOutcome.Sent(answer.statusCode())
                                    : new NotificationOutcome.Failed("HTTP " + answer.statusCode());
                        } catch (IOException failed) {
                            return new NotificationOutcome.Failed(failed.getClass().getSimpleName());
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                            return new NotificationOutcome.Failed("interrupted");
                        }
                    }
                }
                """);
        write(module, "src/main/java/com/example/tracker/chat/autoconfigure/ChatAlertNotifierAutoConfiguration.java", """
                package com.example.tracker.chat.autoconfigure;

                import com.example.tracker.chat.ChatAlertNotifier;
                import dev.deliverytracker.application.port.out.AlertNotifier;
                import org.slf4j.LoggerFactory;
                import org.springframework.boot.autoconfigure.AutoConfiguration;
                import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
                import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
                import org.springframework.context.annotation.Bean;

                @AutoConfiguration
                @ConditionalOnProperty(name = "tracker.alerts.notifier", havingValue = "chat")
                public class ChatAlertNotifierAutoConfiguration {

                    @Bean
                    @ConditionalOnMissingBean(AlertNotifier.class)
                    AlertNotifier chatAlertNotifier() {
                        LoggerFactory.getLogger(ChatAlertNotifierAutoConfiguration.class).warn("%s");
                        return new ChatAlertNotifier();
                    }
                }
                """.formatted(PLUGGED_IN));
        write(module, "src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
                "com.example.tracker.chat.autoconfigure.ChatAlertNotifierAutoConfiguration\n");
        write(module, "src/test/java/com/example/tracker/chat/ChatAlertNotifierContractTest.java", """
                package com.example.tracker.chat;

                import com.sun.net.httpserver.HttpServer;
                import dev.deliverytracker.application.fake.AlertNotifierContract;
                import dev.deliverytracker.application.port.out.AlertNotifier;
                import dev.deliverytracker.domain.WebhookUrl;
                import java.io.IOException;
                import java.net.InetSocketAddress;
                import java.net.ServerSocket;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;
                import java.util.concurrent.atomic.AtomicInteger;
                import org.junit.jupiter.api.AfterEach;
                import org.junit.jupiter.api.BeforeEach;

                class ChatAlertNotifierContractTest extends AlertNotifierContract {

                    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
                    private final AtomicInteger hooks = new AtomicInteger();
                    private HttpServer server;

                    @BeforeEach
                    void receiver() throws IOException {
                        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                        server.start();
                    }

                    @AfterEach
                    void stop() {
                        server.stop(0);
                    }

                    @Override
                    protected AlertNotifier notifier() {
                        return new ChatAlertNotifier();
                    }

                    @Override
                    protected WebhookUrl answering(int status) {
                        String path = "/hooks/" + hooks.incrementAndGet() + "/secret";
                        received.put(path, new AtomicInteger());
                        server.createContext(path, exchange -> {
                            exchange.getRequestBody().readAllBytes();
                            received.get(path).incrementAndGet();
                            exchange.sendResponseHeaders(status, -1);
                            exchange.close();
                        });
                        return WebhookUrl.parse("http://127.0.0.1:" + server.getAddress().getPort() + path);
                    }

                    @Override
                    protected WebhookUrl unreachable() {
                        try (ServerSocket socket = new ServerSocket(0)) {
                            return WebhookUrl.parse("http://127.0.0.1:" + socket.getLocalPort() + "/hooks/0/secret");
                        } catch (IOException failed) {
                            throw new IllegalStateException(failed);
                        }
                    }

                    @Override
                    protected int received(WebhookUrl webhook) {
                        return received.get(webhook.value().getPath()).get();
                    }
                }
                """);
        write(module, "src/test/java/com/example/tracker/chat/ChatAdapterArchitectureTest.java", """
                package com.example.tracker.chat;

                import dev.deliverytracker.architecture.AdapterArchitectureContract;

                class ChatAdapterArchitectureTest extends AdapterArchitectureContract {
                    ChatAdapterArchitectureTest() {
                        super("com.example.tracker.chat");
                    }
                }
                """);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static void write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
