package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.StaleMessage;
import dev.deliverytracker.application.port.out.StaleMessages;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reconciler's store on PostgreSQL. The test database is shared, so every message here changed
 * "long ago" (in 2001) and the cutoffs are chosen so that only this class's messages can qualify.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class JdbcStaleMessagesTest {

    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

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

    @Test
    void a_message_without_news_since_its_cutoff_is_found_with_what_polling_needs() {
        OrganizationId org = organization();
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = accepted(org, sid, LONG_AGO);

        List<StaleMessage> found = find(Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60)));

        assertThat(found).filteredOn(message -> message.id().equals(id)).singleElement().satisfies(message -> {
            assertThat(message.organization()).isEqualTo(org);
            assertThat(message.sid()).isEqualTo(sid);
            assertThat(message.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(message.status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(message.lastChange()).isEqualTo(LONG_AGO);
            assertThat(message.polls()).isZero();
        });
    }

    @Test
    void a_message_with_news_after_the_cutoff_or_in_another_status_is_not_found() {
        OrganizationId org = organization();
        MessageId recent = accepted(org, DeliveryStoreContract.randomSid(), LONG_AGO.plusSeconds(120));
        MessageId queued = accepted(org, DeliveryStoreContract.randomSid(), LONG_AGO);

        assertThat(ids(find(Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60))))).contains(queued)
                .doesNotContain(recent);
        assertThat(ids(find(Map.of(DeliveryStatus.SENT, LONG_AGO.plusSeconds(60))))).doesNotContain(queued);
    }

    @Test
    void each_status_has_its_own_cutoff_and_the_oldest_change_comes_first() {
        OrganizationId org = organization();
        MessageSid sentSid = DeliveryStoreContract.randomSid();
        MessageId sent = accepted(org, sentSid, LONG_AGO);
        log.append(new ReportedEvent(DeliveryEvent.of(sentSid, DeliveryStatus.SENT, DeliveryError.NONE,
                EventSource.CALLBACK, Instant.now()), MessageLookup.byId(sent), org, account, Map.of(), ""));
        changedAt(sent, LONG_AGO.plusSeconds(10));
        MessageId queued = accepted(org, DeliveryStoreContract.randomSid(), LONG_AGO.plusSeconds(20));

        List<MessageId> found = ids(find(Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60),
                DeliveryStatus.SENT, LONG_AGO.plusSeconds(60))));
        assertThat(found).containsSubsequence(sent, queued);
        assertThat(ids(find(Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60),
                DeliveryStatus.SENT, LONG_AGO.plusSeconds(5))))).contains(queued).doesNotContain(sent);
    }

    @Test
    void a_polled_message_waits_for_the_poll_interval_and_polling_does_not_count_as_news() {
        OrganizationId org = organization();
        MessageId id = accepted(org, DeliveryStoreContract.randomSid(), LONG_AGO);
        Instant polledAt = Instant.parse("2001-01-01T01:00:00Z");

        stale.markPolled(id, polledAt);

        Map<DeliveryStatus, Instant> cutoffs = Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60));
        assertThat(ids(stale.find(cutoffs, polledAt.minusSeconds(1), 10_000))).doesNotContain(id);
        assertThat(stale.find(cutoffs, polledAt, 10_000)).filteredOn(message -> message.id().equals(id))
                .singleElement().satisfies(message -> {
                    assertThat(message.polls()).isOne();
                    assertThat(message.lastChange()).isEqualTo(LONG_AGO);
                });
    }

    @Test
    void an_unconfirmed_message_is_never_found_again() {
        OrganizationId org = organization();
        MessageId id = accepted(org, DeliveryStoreContract.randomSid(), LONG_AGO);

        stale.markUnconfirmed(id, Instant.parse("2001-01-04T00:00:00Z"));
        stale.markUnconfirmed(id, Instant.parse("2001-01-05T00:00:00Z"));

        assertThat(ids(find(Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60))))).doesNotContain(id);
        assertThat(jdbc.sql("select unconfirmed_at from messages where message_id = :id").param("id", id.value())
                .query(Timestamp.class).single().toInstant()).isEqualTo(Instant.parse("2001-01-04T00:00:00Z"));
    }

    @Test
    void the_stale_query_can_use_its_partial_index() {
        String plan = String.join("\n", jdbc.sql("""
                explain select message_id from messages
                where status = 'queued' and status in ('accepted', 'scheduled', 'queued', 'sending', 'sent')
                  and updated_at <= now() and unconfirmed_at is null and whatsapp_msg_sid is not null
                order by updated_at limit 100
                """).query(String.class).list());
        jdbc.sql("set enable_seqscan = off").update();
        try {
            String forced = String.join("\n", jdbc.sql("""
                    explain select message_id from messages
                    where status = 'queued' and status in ('accepted', 'scheduled', 'queued', 'sending', 'sent')
                      and updated_at <= now() and unconfirmed_at is null and whatsapp_msg_sid is not null
                    order by updated_at limit 100
                    """).query(String.class).list());
            assertThat(forced).as(plan).contains("messages_stale_idx");
        } finally {
            jdbc.sql("set enable_seqscan = on").update();
        }
    }

    private List<StaleMessage> find(Map<DeliveryStatus, Instant> cutoffs) {
        return stale.find(cutoffs, Instant.now(), 10_000);
    }

    private static List<MessageId> ids(List<StaleMessage> found) {
        return found.stream().map(StaleMessage::id).toList();
    }

    private OrganizationId organization() {
        return organizations.ensure("org " + account, new TwilioAccountCredentials(account, "token", ""));
    }

    private MessageId accepted(OrganizationId org, MessageSid sid, Instant changedAt) {
        Message pending = messages.add(Message.pending(org, Address.whatsapp("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(),
                changedAt.minus(Duration.ofMinutes(1))));
        MessageId id = pending.id().orElseThrow();
        log.accepted(id, DeliveryEvent.of(sid, DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE,
                changedAt));
        changedAt(id, changedAt);
        return id;
    }

    private void changedAt(MessageId id, Instant at) {
        jdbc.sql("update messages set updated_at = :at where message_id = :id")
                .param("at", Timestamp.from(at)).param("id", id.value()).update();
    }
}
