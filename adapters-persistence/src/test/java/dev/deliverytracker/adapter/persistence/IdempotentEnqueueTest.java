package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests with the same idempotency key at the same moment: one message, whichever request wins,
 * and every other request finds it rather than failing on the unique key. Without a key the insert
 * runs outside a transaction, so only the keyed path's transaction keeps this true.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class IdempotentEnqueueTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    Outbox outbox;

    @Autowired
    Organizations organizations;

    @Test
    void the_same_key_at_the_same_moment_creates_one_message() throws Exception {
        OrganizationId org = organizations.ensure("idempotency", new TwilioAccountCredentials(
                DeliveryStoreContract.randomAccount(), "token", ""));
        String key = "order-" + System.nanoTime();
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<CompletableFuture<Outbox.Enqueued>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return outbox.enqueue(pending(org, Optional.of(key)), "fingerprint", NOW);
                }, pool));
            }
            start.countDown();
            List<Outbox.Enqueued> enqueued = answers.stream().map(CompletableFuture::join).toList();

            assertThat(enqueued).filteredOn(Outbox.Enqueued::created).hasSize(1);
            assertThat(enqueued).extracting(answer -> answer.message().id().orElseThrow()).containsOnly(
                    enqueued.get(0).message().id().orElseThrow());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void without_a_key_every_request_is_a_new_message() {
        OrganizationId org = organizations.ensure("no key", new TwilioAccountCredentials(
                DeliveryStoreContract.randomAccount(), "token", ""));

        Outbox.Enqueued first = outbox.enqueue(pending(org, Optional.empty()), "fingerprint", NOW);
        Outbox.Enqueued second = outbox.enqueue(pending(org, Optional.empty()), "fingerprint", NOW);

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isTrue();
        assertThat(second.message().id()).isNotEqualTo(first.message().id());
    }

    private static Message pending(OrganizationId org, Optional<String> key) {
        return Message.pending(org, Address.whatsapp("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("Your parcel arrives today"), Map.of(), key, NOW);
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
