package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deliverytracker.simulator.Outcome;
import dev.deliverytracker.simulator.SimulatedMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A burst of sends from one number with a slow pace (1 a second, 2 at once): the simulator, playing
 * Twilio, never receives more from that number in any second than the pace allows, the messages that
 * wait show when they will go, and none fails. A slow machine only spreads the sends out further; the
 * one thing that could crowd a window is a message held up for longer than the pace's one-second gap
 * between being let out and reaching the simulator, which is why the pace here is that slow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + PacingSystemTest.API_KEY,
        "tracker.pacing.sms-number-rate=1",
        "tracker.pacing.sms-number-burst=2",
        "tracker.dispatch.interval=20ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms"})
@DirtiesContext
class PacingSystemTest extends SimulatedServiceTest {

    static final String API_KEY = "dt_pacing-system-test-key-000001";
    private static final int BURST = 12;
    private static final int RATE = 1;
    private static final int AT_ONCE = 2;

    @Test
    void a_burst_from_one_number_reaches_twilio_no_faster_than_its_pace_and_nothing_fails() {
        simulator.behaviour(simulator.behaviour().withoutRules().withDefaultOutcome(Outcome.delivered()));
        ApiClient api = new ApiClient(port, API_KEY);
        ExecutorService senders = Executors.newFixedThreadPool(BURST);
        // A number of its own, so no other test's sends share its schedule.
        String from = "+1500555" + (1000 + ThreadLocalRandom.current().nextInt(8999));
        String batch = "paced-" + ThreadLocalRandom.current().nextInt(1_000_000);
        // Posted all at once, so the burst is there before the pace lets it out, however slow the machine.
        List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String json = "{\"channel\":\"sms\",\"from\":\"" + from + "\",\"to\":\"+3167" + String.format("%07d", i)
                    + "\",\"body\":\"" + batch + " #" + i + "\"}";
            posts.add(CompletableFuture.supplyAsync(() -> api.post("/api/v1/messages", json), senders));
        }
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> post : posts) {
            HttpResponse<String> accepted = post.join();
            assertThat(accepted.statusCode()).isEqualTo(202);
            ids.add(idOf(accepted));
        }
        senders.shutdown();

        Set<String> seenPaced = new HashSet<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            boolean allDelivered = true;
            for (String id : ids) {
                String body = api.get("/api/v1/messages/" + id).body();
                if (body.contains("\"pacedUntil\"")) {
                    assertThat(body).as("a paced message waits unsent").contains("\"status\":\"pending\"");
                    seenPaced.add(id);
                }
                allDelivered &= body.contains("\"status\":\"delivered\"");
            }
            return allDelivered;
        });
        assertThat(seenPaced).as("messages seen waiting for their place, with the time they go").isNotEmpty();

        List<Instant> received = simulator.messages().stream().filter(message -> message.body().startsWith(batch))
                .map(SimulatedMessage::dateCreated).sorted().toList();
        assertThat(received).hasSize(BURST);
        for (int first = 0; first < received.size(); first++) {
            Instant end = received.get(first).plusSeconds(1);
            long inWindow = received.stream().skip(first).takeWhile(at -> at.isBefore(end)).count();
            assertThat(inWindow).as("messages Twilio received in the second from %s", received.get(first))
                    .isLessThanOrEqualTo(AT_ONCE + RATE);
        }
        assertThat(ids).allSatisfy(id -> assertThat(api.get("/api/v1/messages/" + id).body())
                .doesNotContain("\"error\"").doesNotContain("pacedUntil"));
    }
}
