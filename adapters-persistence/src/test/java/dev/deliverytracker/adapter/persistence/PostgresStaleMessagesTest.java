package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.StaleMessagesContract;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.StaleMessages;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
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
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reconciler's store on PostgreSQL, fed through the real stores; the row's {@code updated_at} is set
 * to the moment of each change afterwards, since the database writes its own time. The index is in
 * {@link JdbcStaleMessagesTest}.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresStaleMessagesTest extends StaleMessagesContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    StaleMessages stale;

    @Autowired
    StoredMessages messages;

    @Autowired
    DeliveryLog log;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    private final AccountSid account = DeliveryStoreContract.randomAccount();

    @Override
    protected StaleMessages stale() {
        return stale;
    }

    @Override
    protected OrganizationId newOrganization() {
        AccountSid own = DeliveryStoreContract.randomAccount();
        return organizations.ensure("org " + own, new TwilioAccountCredentials(own, "token", ""));
    }

    @Override
    protected MessageId acceptedAt(OrganizationId org, MessageSid sid, Instant changedAt) {
        MessageId id = messages.add(Message.pending(org, Address.whatsapp("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hi"), Map.of(), Optional.empty(), changedAt.minus(Duration.ofMinutes(1))))
                .id().orElseThrow();
        log.accepted(id, DeliveryEvent.of(sid, DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE,
                changedAt));
        changedAt(id, changedAt);
        return id;
    }

    @Override
    protected void movedAt(OrganizationId org, MessageId id, MessageSid sid, DeliveryStatus status, Instant changedAt) {
        log.append(new ReportedEvent(DeliveryEvent.of(sid, status, DeliveryError.NONE, EventSource.CALLBACK, changedAt),
                MessageLookup.byId(id), org, account, Map.of(), ""));
        changedAt(id, changedAt);
    }

    private void changedAt(MessageId id, Instant at) {
        jdbc.sql("update messages set updated_at = :at where message_id = :id")
                .param("at", Timestamp.from(at)).param("id", id.value()).update();
    }
}
