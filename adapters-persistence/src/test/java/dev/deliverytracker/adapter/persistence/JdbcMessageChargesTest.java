package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.MessageChargesContract;
import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.application.port.out.MessageCharges;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Charge;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The charge collector's store on PostgreSQL, held to the same contract as the fake. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class JdbcMessageChargesTest extends MessageChargesContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    MessageCharges unpriced;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    private final AccountSid account = DeliveryStoreContract.randomAccount();

    @Override
    protected MessageCharges unpriced() {
        return unpriced;
    }

    @Override
    protected OrganizationId organization() {
        return organizations.ensure("org " + account, new TwilioAccountCredentials(account, "token", ""));
    }

    @Override
    protected MessageId finished(OrganizationId organization, MessageSid sid, Instant lastChange, String body) {
        return insert(organization, sid, lastChange, body, "delivered");
    }

    @Override
    protected MessageId open(OrganizationId organization, MessageSid sid, Instant lastChange) {
        return insert(organization, sid, lastChange, "hello", "sent");
    }

    @Test
    void learning_a_price_is_not_a_status_change() {
        Instant changed = Instant.parse("2019-06-01T00:00:00Z");
        MessageId id = finished(organization(), DeliveryStoreContract.randomSid(), changed, "hi");

        unpriced.record(id, new MessageFacts(1, Charge.fromProvider("-0.00790", "USD"), null), Instant.now());

        assertThat(jdbc.sql("select updated_at from messages where message_id = :id").param("id", id.value())
                .query(Timestamp.class).single().toInstant()).isEqualTo(changed);
    }

    // Test set-up only: messages straight in their final (or open) status at a chosen time.
    private MessageId insert(OrganizationId organization, MessageSid sid, Instant lastChange, String body,
            String status) {
        long id = jdbc.sql("""
                insert into messages (org_id, channel, to_address, body, whatsapp_msg_sid, status, origin,
                    created_at, updated_at)
                values (:org, 'sms', '+31612345678', :body, :sid, :status, :origin, :at, :at)
                returning message_id
                """)
                .param("org", organization.value()).param("body", body).param("sid", sid.value())
                .param("status", status).param("origin", body == null ? "external" : "api")
                .param("at", Timestamp.from(lastChange))
                .query(Long.class).single();
        return MessageId.of(id);
    }
}
