package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.OldHistory;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.RejectedCallbacks;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
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

/** Retention's deletes on PostgreSQL. Rows here are from the 1980s, so the shared database's others are never touched. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class JdbcOldHistoryTest {

    private static final Instant CUTOFF = Instant.parse("1990-01-01T00:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    OldHistory history;

    @Autowired
    DeliveryLog log;

    @Autowired
    RejectedCallbacks rejected;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    private final AccountSid account = DeliveryStoreContract.randomAccount();

    @Test
    void log_rows_before_the_cutoff_are_deleted_in_batches_and_newer_ones_kept() {
        OrganizationId org = organizations.ensure("org " + account, new TwilioAccountCredentials(account, "t", ""));
        MessageSid old = DeliveryStoreContract.randomSid();
        for (String status : List.of("queued", "sent", "delivered")) {
            log.append(unmatched(org, old, status, Instant.parse("1985-06-01T00:00:00Z")));
        }
        MessageSid kept = DeliveryStoreContract.randomSid();
        log.append(unmatched(org, kept, "sent", Instant.parse("1995-06-01T00:00:00Z")));

        assertThat(history.deleteDeliveryEventsBefore(CUTOFF, 2)).isEqualTo(2);
        assertThat(history.deleteDeliveryEventsBefore(CUTOFF, 2)).isEqualTo(1);
        assertThat(history.deleteDeliveryEventsBefore(CUTOFF, 2)).isZero();

        assertThat(rowsOf(old)).isZero();
        assertThat(rowsOf(kept)).isOne();
    }

    @Test
    void rejected_callbacks_before_the_cutoff_are_deleted() {
        rejected.keep(callback(Instant.parse("1984-01-01T00:00:00Z")), "unreadable 1984");
        rejected.keep(callback(Instant.parse("1996-01-01T00:00:00Z")), "unreadable 1996");

        assertThat(history.deleteRejectedCallbacksBefore(CUTOFF, 100)).isOne();
        assertThat(jdbc.sql("select count(*) from rejected_callbacks where reason like 'unreadable 19%'")
                .query(Long.class).single()).isOne();
    }

    private ReportedEvent unmatched(OrganizationId org, MessageSid sid, String status, Instant at) {
        return new ReportedEvent(DeliveryEvent.of(sid, DeliveryStatus.fromTwilio(status), DeliveryError.NONE,
                EventSource.CALLBACK, at), MessageLookup.bySid(), org, account, Map.of(), "");
    }

    private long rowsOf(MessageSid sid) {
        return jdbc.sql("select count(*) from message_delivery_log where provider_sid = :sid")
                .param("sid", sid.value()).query(Long.class).single();
    }

    private StatusCallback callback(Instant at) {
        return new StatusCallback("https://tracker.example.com/twilio-status",
                Map.of("AccountSid", List.of(account.value())), "sig", "", at);
    }
}
