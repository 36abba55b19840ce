package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.web.outbound.StandardWebhookSignature;
import dev.deliverytracker.domain.WebhookSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receivers of docs/notifications.md, taken from the page as written, accept what the service
 * signs and refuse a tampered body, an unknown secret and a stale timestamp. Python is required: CI
 * installs it, and a missing python3 fails this test with a message rather than skipping it.
 */
class NotificationDocExamplesTest {

    private static final Path PAGE = Path.of("..", "docs", "notifications.md");
    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"message.delivered\",\"data\":{\"text\":\"ünïcode ✓\"}}";

    @TempDir
    static Path work;

    private static final WebhookSecret SECRET = WebhookSecret.generate();
    private static final WebhookSecret NEXT = WebhookSecret.generate();

    @BeforeAll
    static void extract() throws IOException {
        String page = Files.readString(PAGE);
        Files.writeString(work.resolve("VerifyNotification.java"), block(page, "java"));
        Files.writeString(work.resolve("verify_notification.py"), block(page, "python"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK runs the tests").isNotNull();
        assertThat(javac.run(null, null, null, "-d", work.toString(),
                work.resolve("VerifyNotification.java").toString())).as("the Java example compiles").isZero();
    }

    @Test
    void the_java_receiver_accepts_what_the_service_signs_and_refuses_the_rest() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        checkReceiver(List.of(java, "-cp", work.toString(), "VerifyNotification"));
    }

    @Test
    void the_python_receiver_accepts_what_the_service_signs_and_refuses_the_rest() throws Exception {
        try {
            Process version = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            assertThat(version.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } catch (IOException missing) {
            throw new AssertionError("python3 is not installed, and docs/notifications.md's Python receiver must be "
                    + "run: install python3 (3.8 or newer, standard library only)", missing);
        }
        checkReceiver(List.of("python3", work.resolve("verify_notification.py").toString()));
    }

    private void checkReceiver(List<String> command) throws Exception {
        long now = Instant.now().getEpochSecond();
        String signed = StandardWebhookSignature.header("evt_1", now, BODY, List.of(SECRET));
        String rotating = StandardWebhookSignature.header("evt_1", now, BODY, List.of(NEXT, SECRET));
        String stale = StandardWebhookSignature.header("evt_1", now - 3600, BODY, List.of(SECRET));

        assertThat(run(command, SECRET, "evt_1", now, signed, BODY)).isEqualTo("valid");
        assertThat(run(command, SECRET, "evt_1", now, rotating, BODY)).as("the old secret during a rotation")
                .isEqualTo("valid");
        assertThat(run(command, SECRET, "evt_1", now, signed, BODY.replace("delivered", "failed")))
                .isEqualTo("invalid");
        assertThat(run(command, SECRET, "evt_2", now, signed, BODY)).as("another id").isEqualTo("invalid");
        assertThat(run(command, WebhookSecret.generate(), "evt_1", now, signed, BODY)).isEqualTo("invalid");
        assertThat(run(command, SECRET, "evt_1", now - 3600, stale, BODY)).as("a stale timestamp").isEqualTo("invalid");
    }

    private static String run(List<String> command, WebhookSecret secret, String id, long timestamp, String signature,
            String body) throws Exception {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(secret.value(), id, Long.toString(timestamp), signature));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        process.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(output.equals("valid") ? 0 : 1);
        return output;
    }

    private static String block(String page, String language) {
        Matcher matcher = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertThat(matcher.find()).as("a ```" + language + " block in docs/notifications.md").isTrue();
        return matcher.group(1);
    }
}
