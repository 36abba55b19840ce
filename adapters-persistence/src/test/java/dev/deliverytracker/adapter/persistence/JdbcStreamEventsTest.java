package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.EventBatch;
import dev.deliverytracker.application.port.StreamedEvent;
import dev.deliverytracker.application.port.out.KeptStreamEvents.Disposition;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class JdbcStreamEventsTest {

    private static final Instant HOUR = Instant.parse("2026-11-24T10:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organizations organizations;

    private final AccountSid account = DeliveryStoreContract.randomAccount();

    @Test
    void an_event_is_kept_once_per_organization_however_often_twilio_delivers_it() {
        OrganizationId org = organizations.ensure("org " + account, new TwilioAccountCredentials(account, "t", ""));
        JdbcKeptStreamEvents kept = new JdbcKeptStreamEvents(jdbc, Duration.ofDays(7));
        StreamedEvent event = new StreamedEvent("EV" + UUID.randomUUID(), "com.twilio.voice.call.completed",
                Map.of("accountSid", account.value()), "{\"type\":\"com.twilio.voice.call.completed\",\"data\":{}}");

        kept.keep(org, account, event, Disposition.UNHANDLED_TYPE, "type not read by the tracker", HOUR);
        kept.keep(org, account, event, Disposition.UNHANDLED_TYPE, "type not read by the tracker", HOUR.plusSeconds(60));

        assertThat(jdbc.sql("""
                select type || '|' || disposition || '|' || (event->>'type') from stream_events_kept
                where org_id = :org and event_id = :id""")
                .param("org", org.value()).param("id", event.id()).query(String.class).list())
                .containsExactly("com.twilio.voice.call.completed|unhandled_type|com.twilio.voice.call.completed");
    }

    @Test
    void a_refused_batch_is_kept_byte_for_byte_and_the_hour_is_capped() {
        JdbcRefusedEventBatches quarantine = new JdbcRefusedEventBatches(jdbc, 2, Duration.ofDays(7));
        String marker = UUID.randomUUID().toString();
        Instant hour = HOUR.plus(Duration.ofDays(300 + (marker.hashCode() & 0xff)));
        for (int i = 0; i < 4; i++) {
            String body = "[ {\"id\": \"" + marker + i + "\",  \"data\": {\"accountSid\": \"" + account + "\"}} ]";
            quarantine.keep(new EventBatch("https://tracker.example.com/twilio-events?bodySHA256=x", List.of(), body,
                    "sig" + i, List.of(new StreamedEvent(marker + i, "t", Map.of("accountSid", account.value()), "{}")),
                    hour.plusSeconds(i), "198.51.100.7"), "X-Twilio-Signature does not match");
        }

        assertThat(jdbc.sql("""
                select signature || '|' || account_sids || '|' || body from refused_event_batches
                where received_at >= :from and received_at < :to order by received_at""")
                .param("from", java.sql.Timestamp.from(hour))
                .param("to", java.sql.Timestamp.from(hour.plusSeconds(3600))).query(String.class).list())
                .containsExactly(
                        "sig2|" + account + "|[ {\"id\": \"" + marker + "2\",  \"data\": {\"accountSid\": \"" + account + "\"}} ]",
                        "sig3|" + account + "|[ {\"id\": \"" + marker + "3\",  \"data\": {\"accountSid\": \"" + account + "\"}} ]");
    }

    @Test
    void of_a_large_refused_batch_only_the_head_is_kept_with_its_whole_length() {
        JdbcRefusedEventBatches quarantine = new JdbcRefusedEventBatches(jdbc, 1000, Duration.ofDays(7));
        String marker = UUID.randomUUID().toString();
        String body = "[\"" + marker + "\"," + "\"x\",".repeat(100_000) + "\"y\"]";
        quarantine.keep(new EventBatch("https://tracker.example.com/twilio-events?m=" + marker, List.of(), body, "s",
                List.of(), Instant.now(), "198.51.100.7"), "X-Twilio-Signature does not match");

        assertThat(jdbc.sql("select length(body) || '|' || body_length from refused_event_batches where url like :url")
                .param("url", "%" + marker).query(String.class).single())
                .isEqualTo(JdbcRefusedEventBatches.KEPT_BODY_CHARS + "|" + body.length());
    }

    @Test
    void a_batch_kept_whole_reads_back_with_its_events_for_its_account_and_leaves_when_released() {
        JdbcRefusedEventBatches quarantine = new JdbcRefusedEventBatches(jdbc, 1000, Duration.ofDays(7));
        AccountSid other = DeliveryStoreContract.randomAccount();
        Instant at = HOUR.plus(Duration.ofDays(200)).plusMillis(UUID.randomUUID().hashCode() & 0xffff);
        StreamedEvent event = new StreamedEvent("EV" + UUID.randomUUID(), "com.twilio.messaging.message.sent",
                Map.of("accountSid", account.value(), "messageSid", DeliveryStoreContract.randomSid().value(),
                        "errorCode", "30003"), "{\"id\":\"x\"}");
        String body = "[{\"id\":\"x\"}]";
        EventBatch batch = new EventBatch("https://tracker.example.com/twilio-events?bodySHA256=ab", List.of(), body,
                "sig", List.of(event), at, "198.51.100.7");
        EventBatch named = new EventBatch("https://tracker.example.com/twilio-events?account=" + other
                + "&bodySHA256=cd", List.of(), "[]", "sig2", List.of(), at.plusSeconds(1), "198.51.100.7");
        quarantine.keep(batch, "X-Twilio-Signature does not match");
        quarantine.keep(named, "X-Twilio-Signature does not match");
        quarantine.keep(new EventBatch("https://tracker.example.com/twilio-events?bodySHA256=ef", List.of(),
                "[" + "\"x\",".repeat(40_000) + "\"y\"]", "sig3", List.of(event), at.plusSeconds(2), "198.51.100.7"),
                "X-Twilio-Signature does not match");

        var kept = quarantine.of(account, at, at.plusSeconds(60), 10);
        assertThat(kept).hasSize(2);
        assertThat(kept.get(0).whole()).isTrue();
        assertThat(kept.get(0).batch()).isEqualTo(batch);
        assertThat(kept.get(1).whole()).as("cut to the quarantine's size").isFalse();
        assertThat(quarantine.of(other, at, at.plusSeconds(60), 10)).extracting(q -> q.batch().signature())
                .containsExactly("sig2");
        assertThat(quarantine.of(account, at.plusSeconds(1), at.plusSeconds(60), 10)).hasSize(1);

        quarantine.release(kept.get(0).id());
        assertThat(quarantine.of(account, at, at.plusSeconds(60), 10)).extracting(q -> q.batch().signature())
                .containsExactly("sig3");
    }
}
