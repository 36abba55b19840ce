package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.DeliveryObservations;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryObservation;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.InboundMessage;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.testsupport.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A customer's message is a row of {@code messages} (V60), and nothing that means "what we sent" sees it:
 * not the statistics, the status-change notifications, the alerts' failure rate and callback flow, the
 * status reports of the delivery log, the message store that sending and retrying read, nor registration.
 * Each test also shows the same path seeing an outgoing message, so it can fail.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class IncomingMessagesStayOutOfOutboundWorkTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Address CUSTOMER = Address.whatsapp("+31612345678");
    private static final Address BUSINESS = Address.whatsapp("+14155238886");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    JdbcInboundMessages inbound;

    @Autowired
    DeliveryObservations observations;

    @Autowired
    DeliveryLog log;

    @Autowired
    MessageStore store;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    private AccountSid account;
    private OrganizationId org;

    @BeforeEach
    void organization() {
        account = DeliveryStoreContract.randomAccount();
        org = organizations.ensure("org " + account, new TwilioAccountCredentials(account, "t", ""));
    }

    @Test
    void an_incoming_message_is_counted_in_no_statistics() {
        received(NOW.minusSeconds(60));

        assertThat(counted()).isZero();

        outgoing("delivered", DeliveryStoreContract.randomSid().value());
        assertThat(counted()).isEqualTo(1);
    }

    @Test
    void an_incoming_message_announces_no_status_change() {
        jdbc.sql("""
                insert into notification_subscriptions (org_id, url, scope, secret, created_at, updated_at)
                values (:org, 'https://hooks.example.com/x', 'every_status', 's', now(), now())
                """).param("org", org.value()).update();

        received(NOW.minusSeconds(60));

        assertThat(announced()).isZero();

        outgoing("sent", DeliveryStoreContract.randomSid().value());
        assertThat(announced()).isEqualTo(1);
    }

    @Test
    void the_failure_rate_and_the_callback_flow_of_alerts_leave_incoming_messages_out() {
        received(NOW.minusSeconds(60));

        assertThat(observations.failures(org, NOW.minus(Duration.ofMinutes(15))))
                .isEqualTo(new DeliveryObservation.FailureCounts(0, 0));
        assertThat(observations.callbackFlow(org, NOW.minus(Duration.ofMinutes(15))).accepted()).isZero();

        outgoing("delivered", DeliveryStoreContract.randomSid().value());
        assertThat(observations.failures(org, NOW.minus(Duration.ofMinutes(15))))
                .isEqualTo(new DeliveryObservation.FailureCounts(0, 1));
        assertThat(observations.callbackFlow(org, NOW.minus(Duration.ofMinutes(15))).accepted()).isEqualTo(1);
    }

    @Test
    void a_status_report_on_an_incoming_sid_moves_nothing_and_adopts_nothing() {
        MessageSid sid = received(NOW.minusSeconds(60));
        DeliveryEvent read = new DeliveryEvent(sid, "read", DeliveryError.NONE, EventSource.CALLBACK, NOW);

        RecordOutcome outcome = log.append(new ReportedEvent(read, MessageLookup.bySid(), org, account,
                Map.of("To", List.of(CUSTOMER.toTwilio()), "From", List.of(BUSINESS.toTwilio())), "",
                AdoptionPolicy.ADOPT));

        assertThat(outcome).isInstanceOf(RecordOutcome.Unmatched.class);
        assertThat(jdbc.sql("select direction || ' ' || status from messages where whatsapp_msg_sid = :sid")
                .param("sid", sid.value()).query(String.class).list()).containsExactly("incoming received");

        MessageSid unknown = DeliveryStoreContract.randomSid();
        RecordOutcome adopted = log.append(new ReportedEvent(new DeliveryEvent(unknown, "read", DeliveryError.NONE,
                EventSource.CALLBACK, NOW), MessageLookup.bySid(), org, account,
                Map.of("To", List.of(CUSTOMER.toTwilio()), "From", List.of(BUSINESS.toTwilio())), "",
                AdoptionPolicy.ADOPT));
        assertThat(adopted).as("the same report on a SID no message holds").isInstanceOf(RecordOutcome.Recorded.class);
    }

    @Test
    void the_message_store_that_sending_and_retrying_read_knows_no_incoming_message_and_none_is_registered() {
        MessageSid sid = received(NOW.minusSeconds(60));
        long id = jdbc.sql("select message_id from messages where whatsapp_msg_sid = :sid").param("sid", sid.value())
                .query(Long.class).single();

        assertThat(store.find(org, MessageId.of(id))).isEmpty();
        assertThatThrownBy(() -> log.register(Message.registered(org, CUSTOMER, Sender.organizationDefault(), sid,
                new MessageContent.Text("mine"), Map.of(), NOW)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("customer");

        long sent = outgoing("sent", DeliveryStoreContract.randomSid().value());
        assertThat(store.find(org, MessageId.of(sent))).isPresent();
    }

    private MessageSid received(Instant at) {
        MessageSid sid = DeliveryStoreContract.randomSid();
        assertThat(inbound.add(new InboundMessage(org, sid, CUSTOMER, BUSINESS, "where is my parcel?", at))).isTrue();
        return sid;
    }

    private long outgoing(String status, String sid) {
        return jdbc.sql("""
                insert into messages (org_id, channel, to_address, from_address, body, whatsapp_msg_sid, status,
                                      created_at, sent_at, delivered_at)
                values (:org, 'whatsapp', :to, :from, 'hi', :sid, :status, :at, :at,
                        case when :status = 'delivered' then cast(:at as timestamptz) end)
                returning message_id
                """).param("org", org.value()).param("to", CUSTOMER.e164()).param("from", BUSINESS.e164())
                .param("sid", sid).param("status", status).param("at", Timestamp.from(NOW.minusSeconds(30)))
                .query(Long.class).single();
    }

    private long counted() {
        return jdbc.sql("""
                select coalesce(sum(n), 0) from (
                    select sum(messages) as n from message_counts_hourly where org_id = :org
                    union all select sum(change) from message_stats_changes where org_id = :org) c
                """).param("org", org.value()).query(Long.class).single();
    }

    private long announced() {
        return jdbc.sql("select count(*) from notification_events where org_id = :org").param("org", org.value())
                .query(Long.class).single();
    }
}
