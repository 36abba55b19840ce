package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.simulator.SimulatorSettings;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/extending.md followed by a test: an adapter written outside the tracker (an {@code AlertNotifier}
 * with its auto-configuration), compiled against nothing but the published {@code application} and
 * {@code domain} jars and Spring's, joins the packaged service from a folder on Spring Boot's
 * {@code loader.path}, in place of our webhook notifier, when its property says so; without the
 * property it stays out.
 */
class OutsideAdapterIT {

    private static final Duration START = Duration.ofSeconds(180);
    private static final String PLUGGED_IN = "outside alert notifier plugged in";

    /** Jars an adapter's build would have on its class path: our two published ones and Spring's. */
    private static final Pattern PUBLISHED = Pattern.compile(
            "(application|domain)(-[0-9][^" + Pattern.quote(File.separator) + "]*\\.jar|"
                    + Pattern.quote(File.separator) + "target" + Pattern.quote(File.separator) + "classes)"
                    + "|spring-(boot|boot-autoconfigure|context|beans|core)-[0-9][^/]*\\.jar|slf4j-api-[0-9][^/]*\\.jar");

    @TempDir
    Path folder;

    @Test
    void an_adapter_in_the_loader_path_with_its_property_takes_the_place_of_ours() throws Exception {
        Path adapters = folder.resolve("adapters");
        buildAdapter(adapters.resolve("outside-alert-notifier.jar"));
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
                    adapters, "--tracker.alerts.notifier=outside")) {
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

    /** What the adapter's own repository would hold, compiled and packed as its build would. */
    private void buildAdapter(Path jar) throws IOException {
        Path sources = folder.resolve("adapter-src");
        Path classes = folder.resolve("adapter-classes");
        Files.createDirectories(classes);
        Path notifier = write(sources, "com/example/outside/OutsideAlertNotifier.java", """
                package com.example.outside;

                import dev.deliverytracker.application.port.out.AlertNotification;
                import dev.deliverytracker.application.port.out.AlertNotifier;
                import dev.deliverytracker.domain.NotificationOutcome;

                public final class OutsideAlertNotifier implements AlertNotifier {
                    @Override
                    public NotificationOutcome notify(AlertNotification notification) {
                        return new NotificationOutcome.Sent(200);
                    }
                }
                """);
        Path configuration = write(sources, "com/example/outside/autoconfigure/OutsideAlertNotifierAutoConfiguration.java", """
                package com.example.outside.autoconfigure;

                import com.example.outside.OutsideAlertNotifier;
                import dev.deliverytracker.application.port.out.AlertNotifier;
                import org.slf4j.LoggerFactory;
                import org.springframework.boot.autoconfigure.AutoConfiguration;
                import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
                import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
                import org.springframework.context.annotation.Bean;

                @AutoConfiguration
                @ConditionalOnProperty(name = "tracker.alerts.notifier", havingValue = "outside")
                public class OutsideAlertNotifierAutoConfiguration {
                    @Bean
                    @ConditionalOnMissingBean(AlertNotifier.class)
                    AlertNotifier outsideAlertNotifier() {
                        LoggerFactory.getLogger(OutsideAlertNotifierAutoConfiguration.class)
                                .warn("%s");
                        return new OutsideAlertNotifier();
                    }
                }
                """.formatted(PLUGGED_IN));
        List<String> classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> PUBLISHED.matcher(entry).find()).toList();
        assertThat(classPath).as("the published jars the adapter compiles against")
                .anyMatch(entry -> entry.contains("application")).anyMatch(entry -> entry.contains("spring-boot-autoconfigure"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int result = javac.run(null, null, null, "--release", "17", "-d", classes.toString(),
                "-cp", String.join(File.pathSeparator, classPath), notifier.toString(), configuration.toString());
        assertThat(result).as("javac").isZero();

        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            List<Path> compiled;
            try (Stream<Path> walk = Files.walk(classes)) {
                compiled = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : compiled) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(
                    "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"));
            out.write("com.example.outside.autoconfigure.OutsideAlertNotifierAutoConfiguration\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    private static Path write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
