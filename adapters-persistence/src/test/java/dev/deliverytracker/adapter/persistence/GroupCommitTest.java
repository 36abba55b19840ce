package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.MessageLookup;
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
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The group commit's promises on PostgreSQL: callbacks that arrive together share one transaction,
 * and when that transaction fails, every caller in it is refused and none is stored, so Twilio's
 * retries record each exactly once.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class GroupCommitTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    DeliveryLog log;

    @Autowired
    StoredMessages messages;

    @Autowired
    Organizations organizations;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventBatchWriter writer;

    @Autowired
    DatabaseProbe probe;

    private final AccountSid account = DeliveryStoreContract.randomAccount();

    @Test
    void a_failed_batch_refuses_every_callback_in_it_and_stores_none_of_them_twice_on_retry() throws Exception {
        OrganizationId org = organizations.ensure("batch", new TwilioAccountCredentials(account, "t", ""));
        Message blocker = accepted(org);
        List<Message> good = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            good.add(accepted(org));
        }

        // One writer, so the first batch holds the writer while all the others queue behind it.
        GroupCommit groupCommit = new GroupCommit(writer, new GroupCommitSettings(true, 256, 1000,
                Duration.ofSeconds(10), 1), probe);
        MeterRegistry meters = new SimpleMeterRegistry();
        groupCommit.bindTo(meters);
        List<CompletableFuture<RecordOutcome>> refused = new ArrayList<>();
        try (Connection holder = dataSource.getConnection()) {
            // Hold the blocker's SID lock, so the writer stops in its first batch while the rest queue up.
            lock(holder, "select pg_advisory_lock(hashtextextended(?, 0))", blocker.sid().get());
            CompletableFuture<RecordOutcome> first = CompletableFuture.supplyAsync(
                    () -> groupCommit.record(reported(org, blocker.sid().get(), "sent")));
            await().atMost(Duration.ofSeconds(10)).until(() -> writerWaitsForLock(holder));
            for (Message message : good) {
                refused.add(CompletableFuture.supplyAsync(() -> groupCommit.record(reported(org, message.sid().get(), "delivered"))));
            }
            // An event whose organization does not exist breaks the whole second batch (foreign key).
            refused.add(CompletableFuture.supplyAsync(() -> groupCommit.record(reported(OrganizationId.of(Long.MAX_VALUE),
                    DeliveryStoreContract.randomSid(), "sent"))));
            await().atMost(Duration.ofSeconds(10)).until(() -> groupCommit.waiting() == good.size() + 1);
            assertThat(meters.get("tracker.ingest.waiting").gauge().value()).isEqualTo(good.size() + 1);
            lock(holder, "select pg_advisory_unlock(hashtextextended(?, 0))", blocker.sid().get());
            assertThat(first.get()).isInstanceOf(RecordOutcome.Recorded.class);
        }

        for (CompletableFuture<RecordOutcome> outcome : refused) {
            assertThat(outcome).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class);
        }
        // The blocker's batch of one, then the failed batch of everything that queued behind it.
        assertThat(meters.get("tracker.ingest.batch.size").summary().count()).isEqualTo(2);
        assertThat(meters.get("tracker.ingest.batch.size").summary().max()).isEqualTo(good.size() + 1);
        assertThat(meters.get("tracker.ingest.batches.failed").counter().count()).isEqualTo(1);
        for (Message message : good) {
            assertThat(statuses(message)).containsExactly("queued");
            assertThat(messages.find(message.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);
        }

        for (Message message : good) {
            assertThat(log.append(reported(org, message.sid().get(), "delivered")))
                    .isInstanceOf(RecordOutcome.Recorded.class);
            assertThat(log.append(reported(org, message.sid().get(), "delivered")))
                    .isInstanceOf(RecordOutcome.Duplicate.class);
            assertThat(statuses(message)).containsExactly("queued", "delivered");
        }
    }

    @Test
    void a_full_queue_refuses_at_once_instead_of_piling_up() throws Exception {
        OrganizationId org = organizations.ensure("full", new TwilioAccountCredentials(account, "t", ""));
        Message blocker = accepted(org);
        GroupCommit small = new GroupCommit(writer, new GroupCommitSettings(true, 1, 1, Duration.ofSeconds(10), 1), probe);
        try (Connection holder = dataSource.getConnection()) {
            lock(holder, "select pg_advisory_lock(hashtextextended(?, 0))", blocker.sid().get());
            CompletableFuture<RecordOutcome> writing = CompletableFuture.supplyAsync(
                    () -> small.record(reported(org, blocker.sid().get(), "sent")));
            await().atMost(Duration.ofSeconds(10)).until(() -> writerWaitsForLock(holder));
            CompletableFuture<RecordOutcome> waiting = CompletableFuture.supplyAsync(
                    () -> small.record(reported(org, accepted(org).sid().get(), "sent")));
            await().atMost(Duration.ofSeconds(10)).until(() -> small.waiting() == 1);

            assertThatThrownBy(() -> small.record(reported(org, blocker.sid().get(), "delivered")))
                    .isInstanceOf(DeliveryLogOverloaded.class).hasMessageContaining("more than 1 callbacks are waiting");

            lock(holder, "select pg_advisory_unlock(hashtextextended(?, 0))", blocker.sid().get());
            assertThat(writing.get()).isInstanceOf(RecordOutcome.Recorded.class);
            assertThat(waiting.get()).isInstanceOf(RecordOutcome.Recorded.class);
        } finally {
            small.destroy();
        }
    }

    @Test
    void a_lone_callback_is_written_at_once_and_duplicates_within_one_batch_are_absorbed() {
        OrganizationId org = organizations.ensure("lone", new TwilioAccountCredentials(account, "t", ""));
        Message message = accepted(org);
        List<CompletableFuture<RecordOutcome>> same = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            same.add(CompletableFuture.supplyAsync(() -> log.append(reported(org, message.sid().get(), "read"))));
        }
        List<RecordOutcome> outcomes = same.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).filteredOn(RecordOutcome.Recorded.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(RecordOutcome.Duplicate.class::isInstance).hasSize(9);
        assertThat(statuses(message)).containsExactly("queued", "read");
    }

    private Message accepted(OrganizationId org) {
        Message pending = messages.add(Message.pending(org, Address.sms("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hi"), Map.of(), Optional.empty(), Instant.now()));
        return log.accepted(pending.id().get(), DeliveryEvent.of(DeliveryStoreContract.randomSid(),
                DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, Instant.now()));
    }

    private ReportedEvent reported(OrganizationId org, MessageSid sid, String status) {
        return new ReportedEvent(new DeliveryEvent(sid, status, DeliveryError.NONE, EventSource.CALLBACK, Instant.now()),
                MessageLookup.bySid(), org, account, Map.of(), "");
    }

    private List<String> statuses(Message message) {
        return messages.history(message.id().get()).stream().map(DeliveryEvent::reportedStatus).toList();
    }

    private static boolean writerWaitsForLock(Connection connection) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted");
                ResultSet result = statement.executeQuery()) {
            return result.next() && result.getLong(1) > 0;
        }
    }

    private static void lock(Connection connection, String sql, MessageSid sid) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sid.value());
            statement.execute();
        }
    }
}
