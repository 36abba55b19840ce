package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.MessageQueriesContract;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.ReportedEvent;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The SQL read side, fed through the real stores; statistics and counts are in {@link JdbcMessageQueriesTest}. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresMessageQueriesTest extends MessageQueriesContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    MessageQueries queries;

    @Autowired
    StoredMessages messages;

    @Autowired
    DeliveryLog log;

    @Autowired
    Organizations organizations;

    private final Map<OrganizationId, AccountSid> accounts = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    protected MessageQueries queries() {
        return queries;
    }

    @Override
    protected OrganizationId newOrganization() {
        AccountSid own = DeliveryStoreContract.randomAccount();
        OrganizationId org = organizations.ensure("org " + own, new TwilioAccountCredentials(own, "token", ""));
        accounts.put(org, own);
        return org;
    }

    @Override
    protected MessageId pending(OrganizationId org, Address to, Map<String, String> tags, Instant createdAt) {
        return messages.add(Message.pending(org, to, Sender.organizationDefault(), new MessageContent.Text("hi"), tags,
                Optional.empty(), createdAt)).id().orElseThrow();
    }

    @Override
    protected void accepted(OrganizationId org, MessageId id, MessageSid sid, Instant at) {
        log.accepted(id, DeliveryEvent.of(sid, DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, at));
    }

    @Override
    protected void reported(OrganizationId org, MessageId id, MessageSid sid, DeliveryStatus status, DeliveryError error,
            Instant at) {
        log.append(new ReportedEvent(DeliveryEvent.of(sid, status, error, EventSource.CALLBACK, at),
                MessageLookup.byId(id), org, accounts.get(org), Map.of("MessageSid", List.of(sid.value()),
                        "MessageStatus", List.of(status.wireName())), ""));
    }

    @Override
    protected void sendFailed(OrganizationId org, MessageId id, DeliveryError error, Instant at) {
        log.sendFailed(id, error, at);
    }
}
