package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.fake.Actors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.InMemoryOrganizationDirectory;
import dev.deliverytracker.application.port.in.RetryMessages;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrganizationGatedRetryMessagesTest {

    private final InMemoryOrganizationDirectory directory = new InMemoryOrganizationDirectory();
    private final AtomicInteger asked = new AtomicInteger();
    private final OrganizationGatedRetryMessages retries = new OrganizationGatedRetryMessages(new RetryMessages() {
        @Override
        public RetryOutcome retry(Actor actor, OrganizationId organization, MessageId id, boolean force) {
            asked.incrementAndGet();
            return new RetryOutcome.NotFound();
        }

        @Override
        public BulkRetry retryFailures(Actor actor, OrganizationId organization, int errorCode, Instant since,
                boolean force) {
            asked.incrementAndGet();
            return new BulkRetry(3, 1);
        }
    }, directory);

    @Test
    void a_disabled_organizations_messages_are_not_sent_again() {
        Organization north = directory.create("north", Instant.now()).orElseThrow();
        directory.save(north.disabled());

        assertThat(retries.retry(Actors.PLATFORM, north.id(), MessageId.of(1), true))
                .isInstanceOf(RetryMessages.RetryOutcome.Refused.class);
        assertThat(retries.retryFailures(Actors.PLATFORM, north.id(), 0, Instant.EPOCH, true)).isEqualTo(new RetryMessages.BulkRetry(0, 0));
        assertThat(asked).hasValue(0);

        directory.save(north);
        assertThat(retries.retryFailures(Actors.PLATFORM, north.id(), 0, Instant.EPOCH, true)).isEqualTo(new RetryMessages.BulkRetry(3, 1));
    }
}
