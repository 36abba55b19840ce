package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.StatusFeedOutboxContract;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.FeedEvent;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.StatusFeedOutbox;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.application.service.NotificationEvents;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The feeds' queues on PostgreSQL, held to the contract with changes committed through the delivery
 * log (the trigger and the fan-out of the notification outbox), and what only a database can show: a
 * change rolled back never reaches a feed, and an organization without subscriptions reaches it too.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresStatusFeedsTest extends StatusFeedOutboxContract {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final List<String> STORY = List.of("sent", "delivered", "read");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    PostgresStatusFeeds feeds;

    @Autowired
    PostgresNotificationOutbox outbox;

    @Autowired
    DeliveryLog log;

    @Autowired
    StoredMessages stored;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final AccountSid account = DeliveryStoreContract.randomAccount();

    @Override
    protected StatusFeedOutbox feeds() {
        return feeds;
    }

    @Override
    protected List<Committed> commit(int messages, int changesEach) {
        OrganizationId org = organizations.ensure("org " + account, new TwilioAccountCredentials(account, "token", ""));
        List<Committed> committed = new ArrayList<>();
        for (int m = 0; m < messages; m++) {
            Message message = accepted(org);
            for (int c = 1; c < changesEach; c++) {
                log.append(new ReportedEvent(new DeliveryEvent(message.sid().orElseThrow(), STORY.get(c - 1),
                        DeliveryError.NONE, EventSource.CALLBACK, T0.plusSeconds(c)), MessageLookup.bySid(), org,
                        account, Map.of("MessageStatus", List.of(STORY.get(c - 1))), ""));
            }
            long id = message.id().orElseThrow().value();
            jdbc.sql("select event_id, status from notification_events where message_id = :id order by sequence")
                    .param("id", id)
                    .query((row, index) -> new Committed("evt_" + row.getString("event_id").replace("-", ""),
                            Long.toString(id), "message." + row.getString("status")))
                    .list().forEach(committed::add);
        }
        while (outbox.fanOut(500, NotificationEvents.PLANNER) > 0) {
            // other tests' changes go along
        }
        return committed;
    }

    @Test
    void a_rolled_back_change_never_reaches_a_feed() {
        String feed = "rollback-" + UUID.randomUUID();
        feeds.register(feed);
        try {
            commit(0, 0);
            drain(feed);
            OrganizationId org = organizations.ensure("org " + account,
                    new TwilioAccountCredentials(account, "token", ""));
            Message message = accepted(org);
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.sql("update messages set status = 'sent' where message_id = :id")
                        .param("id", message.id().orElseThrow().value()).update();
                status.setRollbackOnly();
            });
            commit(0, 0);

            assertThat(feeds.take(feed, 100, NOW, LEASE)).extracting(FeedEvent::type)
                    .as("no subscription anywhere in this organization, and the rolled back 'sent' is not there")
                    .containsExactly("message.queued");
        } finally {
            feeds.close(feed);
        }
    }

    private void drain(String feed) {
        List<FeedEvent> left;
        while (!(left = feeds.take(feed, 1000, NOW, LEASE)).isEmpty()) {
            feeds.settle(feed, left.stream().map(FeedEvent::entry).toList());
        }
    }

    private Message accepted(OrganizationId org) {
        Message message = stored.add(Message.pending(org, Address.whatsapp("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(), T0));
        MessageSid sid = DeliveryStoreContract.randomSid();
        return log.accepted(message.id().orElseThrow(), DeliveryEvent.of(sid, DeliveryStatus.QUEUED,
                DeliveryError.NONE, EventSource.SEND_RESPONSE, T0));
    }
}
