package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class, properties = "spring.datasource.hikari.maximum-pool-size=20")
class ConcurrentCallbacksTest {

    private static final List<String> STATUSES = List.of("queued", "sending", "sent", "delivered", "read");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    StoredMessages messages;

    @Autowired
    DeliveryLog log;

    @Autowired
    Organizations organizations;

    @Test
    void fifty_threads_reporting_on_one_message_end_in_one_status_without_duplicates_or_deadlocks()
            throws Exception {
        AccountSid account = DeliveryStoreContract.randomAccount();
        OrganizationId org = organizations.ensure("concurrency", new TwilioAccountCredentials(account, "t", ""));
        Message message = messages.add(Message.pending(org, Address.whatsapp("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(),
                Instant.now()));
        MessageSid sid = DeliveryStoreContract.randomSid();

        ExecutorService threads = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<RecordOutcome>> reports = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String status = STATUSES.get(i % STATUSES.size());
            // Half find the message by our id before its SID is stored, half by SID.
            MessageLookup lookup = i % 2 == 0 ? MessageLookup.byId(message.id().get()) : MessageLookup.bySid();
            reports.add(() -> {
                start.await();
                return log.append(new ReportedEvent(new DeliveryEvent(sid, status, DeliveryError.NONE,
                        EventSource.CALLBACK, Instant.now()), lookup, org, account, Map.of(), ""));
            });
        }
        List<Future<RecordOutcome>> outcomes = new ArrayList<>();
        reports.forEach(report -> outcomes.add(threads.submit(report)));
        start.countDown();
        for (Future<RecordOutcome> outcome : outcomes) {
            assertThat(outcome.get()).isNotNull();
        }
        threads.shutdown();

        Message accepted = log.accepted(message.id().get(), DeliveryEvent.of(sid, DeliveryStatus.QUEUED,
                DeliveryError.NONE, EventSource.SEND_RESPONSE, Instant.now()));
        assertThat(accepted.status()).isEqualTo(DeliveryStatus.READ);
        assertThat(messages.history(message.id().get())).extracting(DeliveryEvent::reportedStatus)
                .containsExactlyInAnyOrderElementsOf(STATUSES);
    }
}
