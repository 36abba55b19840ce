package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.CallbackClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.persistence.StoredMessages;
import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A flood of forged callbacks from one address, while Twilio's genuine callbacks come from the same
 * address (one proxy in front of the service looks like that). Every genuine callback is recorded and
 * answered 200, never 429; every forged one gets 403; the quarantine keeps only the source's budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
        "tracker.twilio.auth-token=configured-token",
        "tracker.dispatch.enabled=false",
        "tracker.webhook.refusal-limit.burst=10",
        // No refill within the test: the numbers below do not depend on how fast the machine is.
        "tracker.webhook.refusal-limit.refill=1h",
        "tracker.webhook.quarantine-per-account-and-hour=25"})
class ForgedCallbackFloodSystemTest {

    private static final int FORGERS = 6;
    private static final int FORGED_EACH = 50;
    private static final int MESSAGES = 12;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    TrackerFixture fixture;

    @Autowired
    StoredMessages messages;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    private final AccountSid account = DeliveryStoreContract.randomAccount();
    private final String token = "flood-token-" + account.value().substring(26);

    @Test
    void under_a_flood_of_forged_callbacks_every_signed_one_is_recorded_and_the_quarantine_stays_bounded()
            throws Exception {
        OrganizationId org = fixture.organizationOf(account, token);
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            sent.add(fixture.acceptedMessage(org));
        }
        double notKeptBefore = meters.counter("tracker.callbacks.refused", "reason", "mismatch", "kept", "false").count();
        CallbackClient client = new CallbackClient(port);

        ExecutorService pool = Executors.newFixedThreadPool(FORGERS + 2);
        try {
            List<Future<List<Integer>>> forgers = new ArrayList<>();
            for (int f = 0; f < FORGERS; f++) {
                forgers.add(pool.submit(() -> {
                    List<Integer> answers = new ArrayList<>();
                    for (int i = 0; i < FORGED_EACH; i++) {
                        Message target = sent.get(i % MESSAGES);
                        Map<String, List<String>> forged = callback(target, "failed");
                        answers.add(client.post("/twilio-status", forged,
                                TwilioDocumentedSignature.sign("guessed-token", client.local("/twilio-status"), forged))
                                .statusCode());
                    }
                    return answers;
                }));
            }
            List<Future<List<Integer>>> genuine = new ArrayList<>();
            for (int half = 0; half < 2; half++) {
                List<Message> mine = sent.subList(half * MESSAGES / 2, (half + 1) * MESSAGES / 2);
                genuine.add(pool.submit(() -> {
                    List<Integer> answers = new ArrayList<>();
                    for (String status : List.of("sent", "delivered")) {
                        for (Message message : mine) {
                            Map<String, List<String>> signed = callback(message, status);
                            HttpResponse<String> response = client.post("/twilio-status", signed,
                                    TwilioDocumentedSignature.sign(token, client.local("/twilio-status"), signed));
                            answers.add(response.statusCode());
                        }
                    }
                    return answers;
                }));
            }

            List<Integer> genuineAnswers = new ArrayList<>();
            for (Future<List<Integer>> answers : genuine) {
                genuineAnswers.addAll(answers.get());
            }
            List<Integer> forgedAnswers = new ArrayList<>();
            for (Future<List<Integer>> answers : forgers) {
                forgedAnswers.addAll(answers.get());
            }

            assertThat(genuineAnswers).hasSize(2 * MESSAGES).containsOnly(200);
            assertThat(forgedAnswers).hasSize(FORGERS * FORGED_EACH).containsOnly(403);
        } finally {
            pool.shutdownNow();
        }

        assertThat(sent).allSatisfy(message -> assertThat(messages.find(message.id().get()).orElseThrow().status())
                .isEqualTo(DeliveryStatus.DELIVERED));
        long kept = jdbc.sql("select count(*) from refused_callbacks where account_sid = :a")
                .param("a", account.value()).query(Long.class).single();
        assertThat(kept).as("the source's budget of 10, within the quarantine's cap of 25").isEqualTo(10);
        assertThat(meters.counter("tracker.callbacks.refused", "reason", "mismatch", "kept", "false").count()
                - notKeptBefore).isEqualTo(FORGERS * FORGED_EACH - 10);
    }

    private Map<String, List<String>> callback(Message message, String status) {
        return form("MessageSid", message.sid().get().value(), "MessageStatus", status, "AccountSid", account.value(),
                "ApiVersion", "2010-04-01");
    }
}
