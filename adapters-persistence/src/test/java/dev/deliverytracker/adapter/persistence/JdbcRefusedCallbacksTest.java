package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class JdbcRefusedCallbacksTest {

    private static final Instant HOUR = Instant.parse("2026-11-24T10:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    JdbcClient jdbc;

    private final String account = DeliveryStoreContract.randomAccount().value();
    private final String other = DeliveryStoreContract.randomAccount().value();

    @Test
    void a_refused_callback_is_kept_with_its_reason_payload_and_signature() {
        JdbcRefusedCallbacks quarantine = new JdbcRefusedCallbacks(jdbc, 1000, java.time.Duration.ofDays(7));
        quarantine.keep(callback(account, HOUR, "sig=="), "X-Twilio-Signature does not match");
        assertThat(jdbc.sql("select reason || '|' || signature || '|' || (payload->>'MessageStatus') from refused_callbacks where account_sid = :a")
                .param("a", account).query(String.class).single())
                .isEqualTo("X-Twilio-Signature does not match|sig==|delivered");
    }

    @Test
    void beyond_the_cap_the_oldest_of_the_hour_are_dropped_and_counted() {
        JdbcRefusedCallbacks quarantine = new JdbcRefusedCallbacks(jdbc, 3, java.time.Duration.ofDays(7));
        for (int i = 0; i < 5; i++) {
            quarantine.keep(callback(account, HOUR.plusSeconds(i), "s" + i), "mismatch");
        }
        quarantine.keep(callback(other, HOUR, "o"), "mismatch");

        assertThat(jdbc.sql("select signature from refused_callbacks where account_sid = :a order by received_at")
                .param("a", account).query(String.class).list()).containsExactly("s2", "s3", "s4");
        assertThat(jdbc.sql("select dropped from refused_callback_drops where account_sid = :a")
                .param("a", account).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from refused_callbacks where account_sid = :a")
                .param("a", other).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_kept_callback_reads_back_exactly_as_received_for_a_replay_and_leaves_when_released() {
        JdbcRefusedCallbacks quarantine = new JdbcRefusedCallbacks(jdbc, 1000, java.time.Duration.ofDays(7));
        Map<String, List<String>> form = new java.util.LinkedHashMap<>();
        form.put("AccountSid", List.of(account));
        form.put("MessageStatus", List.of("delivered"));
        form.put("To", List.of("whatsapp:+31612345678"));
        form.put("Repeated", List.of("one", "two"));
        form.put("Empty", List.of(""));
        StatusCallback sent = new StatusCallback("https://wrong.example.com/twilio-status?mid=7", form, "sig==",
                "idem-1", HOUR.plusSeconds(5), "203.0.113.9");
        quarantine.keep(sent, "mismatch");
        quarantine.keep(callback(account, HOUR.plusSeconds(9), "later"), "mismatch");
        quarantine.keep(callback(other, HOUR.plusSeconds(1), "other"), "mismatch");

        List<dev.deliverytracker.application.port.QuarantinedCallback> kept = quarantine.of(
                dev.deliverytracker.domain.AccountSid.of(account), HOUR, HOUR.plusSeconds(3600), 10);

        assertThat(kept).hasSize(2);
        assertThat(kept.get(0).callback()).isEqualTo(sent);
        assertThat(kept.get(0).reason()).isEqualTo("mismatch");
        assertThat(quarantine.of(dev.deliverytracker.domain.AccountSid.of(account), HOUR, HOUR.plusSeconds(6), 10))
                .as("only the range asked for").hasSize(1);

        quarantine.release(kept.get(0).id());
        assertThat(quarantine.of(dev.deliverytracker.domain.AccountSid.of(account), HOUR, HOUR.plusSeconds(3600), 10))
                .extracting(q -> q.callback().signature()).containsExactly("later");
    }

    @Test
    void callbacks_older_than_the_age_limit_go_as_new_ones_arrive() {
        JdbcRefusedCallbacks quarantine = new JdbcRefusedCallbacks(jdbc, 1000, java.time.Duration.ofDays(7));
        quarantine.keep(callback(account, HOUR.minus(java.time.Duration.ofDays(30)), "ancient"), "mismatch");
        quarantine.keep(callback(other, HOUR, "new"), "mismatch");
        assertThat(jdbc.sql("select count(*) from refused_callbacks where signature = 'ancient' and account_sid = :a")
                .param("a", account).query(Long.class).single()).isZero();
    }

    private static StatusCallback callback(String account, Instant at, String signature) {
        return new StatusCallback("https://tracker.example.com/twilio-status", Map.of(
                "AccountSid", List.of(account), "MessageSid", List.of(DeliveryStoreContract.randomSid().value()),
                "MessageStatus", List.of("delivered")), signature, "", at);
    }
}
