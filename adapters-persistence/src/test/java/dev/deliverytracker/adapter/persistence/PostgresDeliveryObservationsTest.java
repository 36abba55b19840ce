package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryObservationsContract;
import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.out.DeliveryObservations;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryObservation;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The alert numbers as PostgreSQL counts them, over rows written straight into the tables: the contract,
 * and the latency and callback numbers that only PostgreSQL counts.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresDeliveryObservationsTest extends DeliveryObservationsContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Instant SINCE = NOW.minus(Duration.ofMinutes(15));
    private static final Instant BEFORE_WINDOW = SINCE.minusSeconds(60);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    DeliveryObservations observations;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    private OrganizationId org;
    private OrganizationId other;

    @BeforeEach
    void organizations() {
        org = newOrganization();
        other = newOrganization();
    }

    @Test
    void the_failure_rate_counts_sent_and_finished_messages_created_in_the_window() {
        message(org, "delivered", NOW.minusSeconds(60), null, null, null, null);
        message(org, "read", NOW.minusSeconds(60), null, null, null, null);
        message(org, "sent", NOW.minusSeconds(60), null, null, null, null);
        message(org, "failed", NOW.minusSeconds(60), 30007, null, null, null);
        message(org, "undelivered", NOW.minusSeconds(60), 30003, null, null, null);
        message(org, "queued", NOW.minusSeconds(60), null, null, null, null);
        message(org, "pending", NOW.minusSeconds(60), null, null, null, null);
        message(org, "failed", BEFORE_WINDOW, 30007, null, null, null);
        message(other, "failed", NOW.minusSeconds(60), 30007, null, null, null);

        assertThat(observations.failures(org, SINCE)).isEqualTo(new DeliveryObservation.FailureCounts(2, 5));
    }

    @Test
    void an_error_burst_counts_failures_with_that_code_in_the_window() {
        message(org, "failed", NOW.minusSeconds(60), 30007, null, null, NOW.minusSeconds(50));
        message(org, "undelivered", NOW.minusSeconds(60), 30007, null, null, NOW.minusSeconds(40));
        message(org, "failed", NOW.minusSeconds(60), 63016, null, null, NOW.minusSeconds(40));
        message(org, "failed", BEFORE_WINDOW, 30007, null, null, BEFORE_WINDOW);
        message(other, "failed", NOW.minusSeconds(60), 30007, null, null, NOW.minusSeconds(40));

        assertThat(observations.errors(org, 30007, SINCE)).isEqualTo(new DeliveryObservation.ErrorCount(30007, 2));
    }

    @Test
    void the_latency_is_the_p90_from_sent_to_delivered() {
        for (int seconds = 1; seconds <= 10; seconds++) {
            Instant sent = NOW.minusSeconds(300);
            message(org, "delivered", sent.minusSeconds(1), null, sent, sent.plusSeconds(seconds), null);
        }
        message(org, "sent", NOW.minusSeconds(60), null, NOW.minusSeconds(59), null, null);
        message(other, "delivered", NOW.minusSeconds(60), null, NOW.minusSeconds(60), NOW, null);

        DeliveryObservation.Latency latency = observations.latency(org, SINCE);

        assertThat(latency.delivered()).isEqualTo(10);
        // percentile_cont over 1..10 s: 9 + 0.1 * (10 - 9) = 9.1 s.
        assertThat(latency.p90()).isEqualTo(Duration.ofMillis(9100));
        assertThat(observations.latency(newOrganization(), SINCE)).isEqualTo(DeliveryObservation.Latency.none());
    }

    @Test
    void the_callback_flow_counts_accepted_messages_and_callbacks_in_the_window() {
        long first = message(org, "sent", NOW.minusSeconds(60), null, null, null, null, "SM" + hex());
        message(org, "sent", NOW.minusSeconds(60), null, null, null, null, "SM" + hex());
        message(org, "pending", NOW.minusSeconds(60), null, null, null, null, null);
        logEvent(org, first, "callback", NOW.minusSeconds(30));
        logEvent(org, first, "send_response", NOW.minusSeconds(30));
        logEvent(org, first, "callback", BEFORE_WINDOW);

        assertThat(observations.callbackFlow(org, SINCE)).isEqualTo(new DeliveryObservation.CallbackFlow(2, 1));
        assertThat(observations.callbackFlow(other, SINCE)).isEqualTo(new DeliveryObservation.CallbackFlow(0, 0));
    }

    @Test
    void refusals_count_the_accounts_quarantined_and_dropped_callbacks_against_the_verified_ones() {
        long first = message(org, "sent", NOW.minusSeconds(60), null, null, null, null, "SM" + hex());
        String account = jdbc.sql("select twilio_account_sid from organizations where org_id = :org")
                .param("org", org.value()).query(String.class).single();
        refused(account, NOW.minusSeconds(30));
        refused(account, NOW.minusSeconds(20));
        refused(account, BEFORE_WINDOW.minusSeconds(3600));
        jdbc.sql("insert into refused_callback_drops (account_sid, hour, dropped) values (:a, :h, 5)")
                .param("a", account).param("h", Timestamp.from(NOW.truncatedTo(ChronoUnit.HOURS))).update();

        assertThat(observations.callbackRefusals(org, SINCE))
                .isEqualTo(new DeliveryObservation.CallbackRefusals(0, 7));

        logEvent(org, first, "callback", NOW.minusSeconds(10));
        logEvent(org, first, "poll", NOW.minusSeconds(10));
        assertThat(observations.callbackRefusals(org, SINCE).verified()).isEqualTo(1);
        assertThat(observations.callbackRefusals(other, SINCE))
                .isEqualTo(new DeliveryObservation.CallbackRefusals(0, 0));
    }

    private void refused(String account, Instant at) {
        jdbc.sql("""
                insert into refused_callbacks (account_sid, reason, url, payload, received_at)
                values (:a, 'mismatch', 'https://x.example.com/twilio-status', '{}', :at)
                """).param("a", account).param("at", Timestamp.from(at)).update();
    }

    private long message(OrganizationId organization, String status, Instant createdAt, Integer errorCode, Instant sentAt,
            Instant deliveredAt, Instant failedAt) {
        return message(organization, status, createdAt, errorCode, sentAt, deliveredAt, failedAt, null);
    }

    private long message(OrganizationId organization, String status, Instant createdAt, Integer errorCode, Instant sentAt,
            Instant deliveredAt, Instant failedAt, String sid) {
        return jdbc.sql("""
                insert into messages (org_id, channel, to_address, body, status, error_code, created_at, sent_at,
                                      delivered_at, failed_at, whatsapp_msg_sid)
                values (:org, 'sms', '+31612345678', 'x', :status, :code, :created, :sent, :delivered, :failed, :sid)
                returning message_id
                """)
                .param("org", organization.value()).param("status", status).param("code", errorCode)
                .param("created", Timestamp.from(createdAt)).param("sent", timestamp(sentAt))
                .param("delivered", timestamp(deliveredAt)).param("failed", timestamp(failedAt)).param("sid", sid)
                .query(Long.class).single();
    }

    private void logEvent(OrganizationId organization, long messageId, String source, Instant at) {
        jdbc.sql("""
                insert into message_delivery_log (org_id, message_id, status, source, dedupe_key, created_at)
                values (:org, :message, 'delivered', :source, :key, :at)
                """)
                .param("org", organization.value()).param("message", messageId).param("source", source)
                .param("key", UUID.randomUUID().toString()).param("at", Timestamp.from(at)).update();
    }

    @Override
    protected DeliveryObservations observations() {
        return observations;
    }

    @Override
    protected void outgoing(OrganizationId organization, String status, Instant createdAt, Integer errorCode,
            Instant failedAt) {
        message(organization, status, createdAt, errorCode, null, null, failedAt);
    }

    @Override
    protected OrganizationId newOrganization() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        return organizations.ensure("org " + account, new TwilioAccountCredentials(account, "token", ""));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
