package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.FailedMessages;
import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresDeliveryStoreTest extends DeliveryStoreContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    MessageStore messageStore;

    @Autowired
    DeliveryLog deliveryLog;

    @Autowired
    Organizations organizations;

    @Autowired
    Outbox outbox;

    @Autowired
    StoredMessages storedMessages;

    @Autowired
    FailedMessages failedMessages;

    @Override
    protected MessageStore messages() {
        return messageStore;
    }

    @Override
    protected DeliveryLog log() {
        return deliveryLog;
    }

    @Override
    protected FailedMessages failedMessages() {
        return failedMessages;
    }

    @Override
    protected Outbox outbox() {
        return outbox;
    }

    @Override
    protected Message stored(Message pending) {
        return storedMessages.add(pending);
    }

    @Override
    protected Optional<Message> reloaded(MessageId id) {
        return storedMessages.find(id);
    }

    @Override
    protected Optional<Message> reloadedBySid(MessageSid sid) {
        return storedMessages.findBySid(sid);
    }

    @Override
    protected List<DeliveryEvent> history(MessageId id) {
        return storedMessages.history(id);
    }

    @Override
    protected OrganizationId organizationWith(AccountSid account) {
        return organizations.ensure("org " + account, new TwilioAccountCredentials(account, "token", ""));
    }
}
