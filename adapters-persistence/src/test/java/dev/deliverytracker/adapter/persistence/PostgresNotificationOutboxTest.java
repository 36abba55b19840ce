package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.NotificationOutboxContract;
import dev.deliverytracker.application.port.out.NotificationOutbox;
import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.application.port.DeadLetter;
import dev.deliverytracker.application.port.out.ClaimLimits;
import dev.deliverytracker.application.port.out.DeliveryClaim;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.application.service.NotificationEvents;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.NotificationScope;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.SubscriptionId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications on the real PostgreSQL, held to the outbox's contract with changes committed through the
 * delivery log; and what only the database shows: a status change committed through the group commit
 * comes with its notification and the message's sequence, a rolled back one without.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresNotificationOutboxTest extends NotificationOutboxContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    PostgresNotificationOutbox outbox;

    @Autowired
    JdbcSubscriptions subscriptions;

    @Autowired
    DeliveryLog log;

    @Autowired
    StoredMessages stored;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PostgresOutbox sendQueue;

    @Autowired
    PlatformTransactionManager transactions;

    final AccountSid account = DeliveryStoreContract.randomAccount();

    @Override
    protected NotificationOutbox outbox() {
        return outbox;
    }

    @Override
    protected Subscriptions subscriptions() {
        return subscriptions;
    }

    @Override
    protected OrganizationId newOrganization() {
        AccountSid other = DeliveryStoreContract.randomAccount();
        return organizations.ensure("org " + other, new TwilioAccountCredentials(other, "token", ""));
    }

    @Override
    protected void commitChanges(OrganizationId org, int messages) {
        for (int i = 0; i < messages; i++) {
            accepted(org);
        }
    }

    @Override
    protected void commitChangesWithStatusCallback(OrganizationId org, URI statusCallback, int messages) {
        for (int i = 0; i < messages; i++) {
            Message sent = sendQueue.enqueue(Message.pending(org, Address.sms("+31612345678"),
                    Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(), T0),
                    "fingerprint " + i, T0, Optional.of(statusCallback)).message();
            log.accepted(sent.id().orElseThrow(), DeliveryEvent.of(DeliveryStoreContract.randomSid(),
                    DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, T0));
        }
    }

    private OrganizationId organization() {
        return organizations.ensure("org " + account, new TwilioAccountCredentials(account, "token", ""));
    }

    @Test
    void every_status_change_the_group_commit_writes_becomes_a_notification_with_the_message_s_sequence() {
        OrganizationId org = organization();
        Subscription every = subscribe(org, NotificationScope.EVERY_STATUS);
        Subscription failures = subscribe(org, NotificationScope.FAILURES_ONLY);
        Message message = accepted(org);
        MessageSid sid = message.sid().orElseThrow();
        append(org, sid, "sent", T0.plusSeconds(1));
        append(org, sid, "sent", T0.plusSeconds(1));
        append(org, sid, "delivered", T0.plusSeconds(2));
        append(org, sid, "read", T0.plusSeconds(3));

        fanOutEverything();

        List<String> bodies = bodiesOf(every.id());
        assertThat(bodies).hasSize(4);
        assertThat(bodies).extracting(body -> body.replaceAll(".*\"type\":\"([a-z.]+)\".*\"sequence\":(\\d+).*", "$1 $2"))
                .containsExactly("message.queued 1", "message.sent 2", "message.delivered 3", "message.read 4");
        assertThat(bodies.get(1)).as("the message as it stood at that change").contains("\"status\":\"sent\"")
                .doesNotContain("\"delivered\":");
        assertThat(bodiesOf(failures.id())).isEmpty();
    }

    @Test
    void a_rolled_back_change_leaves_no_notification_and_an_organization_without_subscriptions_none_at_all() {
        OrganizationId org = organization();
        Message quiet = accepted(org);
        assertThat(eventsOf(quiet)).as("nobody subscribed").isZero();

        subscribe(org, NotificationScope.EVERY_STATUS);
        Message message = accepted(org);
        assertThat(eventsOf(message)).isEqualTo(1);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("update messages set status = 'sent' where message_id = :id")
                    .param("id", message.id().orElseThrow().value()).update();
            assertThat(eventsOf(message)).as("written in the same transaction").isEqualTo(2);
            status.setRollbackOnly();
        });
        assertThat(eventsOf(message)).isEqualTo(1);
    }

    @Test
    void an_adopted_message_notifies_too() {
        OrganizationId org = organization();
        Subscription every = subscribe(org, NotificationScope.EVERY_STATUS);
        MessageSid sid = DeliveryStoreContract.randomSid();
        log.append(new ReportedEvent(new DeliveryEvent(sid, "delivered", DeliveryError.NONE, EventSource.CALLBACK, T0),
                MessageLookup.bySid(), org, account,
                Map.of("To", List.of("+31612345678"), "From", List.of("+15005550006")), "", AdoptionPolicy.ADOPT));

        fanOutEverything();

        assertThat(bodiesOf(every.id())).singleElement().satisfies(body -> assertThat(body)
                .contains("\"type\":\"message.delivered\"", "\"origin\":\"external\"", "\"sid\":\"" + sid.value()));
    }

    @Test
    void a_messages_status_callback_is_queued_under_its_organizations_signer_with_its_own_url() {
        OrganizationId org = organization();
        Subscription signer = subscriptions.saveSigner(Subscription.create(org, StatusCallbackSigners.SIGNER_URL,
                NotificationScope.EVERY_STATUS, Set.of(), Map.of(), T0));
        URI callback = URI.create("https://orders.example.com/messages/77/status");
        Message withCallback = sendQueue.enqueue(Message.pending(org, Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(), T0),
                "fingerprint", T0, Optional.of(callback)).message();
        Message accepted = log.accepted(withCallback.id().orElseThrow(), DeliveryEvent.of(
                DeliveryStoreContract.randomSid(), DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE,
                T0));
        append(org, accepted.sid().orElseThrow(), "sent", T0.plusSeconds(1));
        Message without = accepted(org);

        assertThat(eventsOf(without)).as("a signer alone is no subscription: nothing to tell").isZero();
        fanOutEverything();
        assertThat(bodiesOf(signer.id())).hasSize(2);
        List<DeliveryClaim> claims = mine(outbox.claim(new ClaimLimits(500, 10, 10, 10), FAR, Duration.ofMinutes(1)), signer.id());
        assertThat(claims).hasSize(2).allSatisfy(claim -> {
            assertThat(claim.statusCallback()).contains(callback);
            assertThat(claim.url()).isEqualTo(callback);
            assertThat(claim.subscription().secret()).isEqualTo(signer.secret());
        });

        outbox.deadLetter(claims.get(0).deliveryId(), "answered 410 Gone", FAR);
        assertThat(outbox.deadLetters(org, Optional.empty(), 10)).singleElement()
                .satisfies(letter -> assertThat(letter.statusCallback()).contains(callback));
        outbox.delivered(List.of(claims.get(1).deliveryId()), FAR);
        assertThat(bodiesOf(signer.id())).as("the taken one is gone, the dead letter stays").hasSize(1);
    }

    @Test
    void dead_letters_that_died_before_a_time_are_purged_and_later_ones_kept() {
        OrganizationId org = organization();
        Subscription every = subscribe(org, NotificationScope.EVERY_STATUS);
        accepted(org);
        accepted(org);
        fanOutEverything();
        List<DeliveryClaim> claims = mine(outbox.claim(new ClaimLimits(500, 10, 10, 10), FAR, Duration.ofMinutes(1)), every.id());
        assertThat(claims).hasSize(2);
        Instant longAgo = T0.minus(Duration.ofDays(365));
        outbox.deadLetter(claims.get(0).deliveryId(), "answered 500", longAgo);
        outbox.deadLetter(claims.get(1).deliveryId(), "answered 500", longAgo.plusSeconds(60));

        assertThat(outbox.purgeDeadLetters(longAgo.plusSeconds(1), 100)).isEqualTo(1);
        assertThat(outbox.deadLetters(org, Optional.empty(), 10)).extracting(DeadLetter::deliveryId)
                .containsExactly(claims.get(1).deliveryId());
    }

    @Test
    void the_status_callback_signer_is_one_per_organization_and_none_of_its_subscriptions() {
        OrganizationId org = organization();
        Subscription signer = subscriptions.saveSigner(Subscription.create(org, StatusCallbackSigners.SIGNER_URL,
                NotificationScope.EVERY_STATUS, Set.of(), Map.of(), T0));
        Subscription rotated = subscriptions.saveSigner(signer.rotated(
                dev.deliverytracker.domain.WebhookSecret.generate(), T0.plusSeconds(60)));

        assertThat(subscriptions.signerOf(org)).contains(rotated);
        assertThat(subscriptions.of(org)).isEmpty();
        assertThat(subscriptions.find(org, signer.id())).isEmpty();
        assertThat(subscriptions.remove(org, signer.id())).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> subscriptions.saveSigner(
                Subscription.create(org, StatusCallbackSigners.SIGNER_URL, NotificationScope.EVERY_STATUS, Set.of(),
                        Map.of(), T0))).withMessageContaining("another request");
    }

    private OrganizationId anotherOrganization() {
        AccountSid other = DeliveryStoreContract.randomAccount();
        return organizations.ensure("org " + other, new TwilioAccountCredentials(other, "token", ""));
    }

    private Message accepted(OrganizationId org) {
        Message message = stored.add(Message.pending(org, Address.whatsapp("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of("team", "a"), Optional.empty(), T0));
        return log.accepted(message.id().orElseThrow(), DeliveryEvent.of(DeliveryStoreContract.randomSid(),
                DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, T0));
    }

    private void append(OrganizationId org, MessageSid sid, String status, Instant at) {
        log.append(new ReportedEvent(new DeliveryEvent(sid, status, DeliveryError.NONE, EventSource.CALLBACK, at),
                MessageLookup.bySid(), org, account, Map.of("MessageStatus", List.of(status)), ""));
    }

    private List<String> bodiesOf(SubscriptionId subscription) {
        return jdbc.sql("select body from notification_deliveries where subscription_id = :s order by delivery_id")
                .param("s", subscription.value()).query(String.class).list();
    }

    private int eventsOf(Message message) {
        return jdbc.sql("select count(*) from notification_events where message_id = :id")
                .param("id", message.id().orElseThrow().value()).query(Integer.class).single();
    }

}
