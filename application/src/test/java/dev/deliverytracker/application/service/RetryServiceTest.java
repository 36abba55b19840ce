package dev.deliverytracker.application.service;

import dev.deliverytracker.application.fake.Actors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.InMemoryDeliveryStore;
import dev.deliverytracker.application.fake.InMemoryRetryPolicies;
import dev.deliverytracker.application.port.in.RetryMessages.BulkRetry;
import dev.deliverytracker.application.port.in.RetryMessages.RetryOutcome;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.ReportedEvent;
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
import dev.deliverytracker.domain.RetryPolicy;
import dev.deliverytracker.domain.Sender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final OrganizationId ORG = OrganizationId.of(1);

    private final InMemoryRetryPolicies policies = new InMemoryRetryPolicies();
    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore().withPolicies(policies::of);

    private RetryService at(Instant now) {
        return new RetryService(store, store, store, policies, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void a_retryable_failure_gets_a_new_attempt_once_its_backoff_passed() {
        MessageId id = failedWith(30003);
        assertThat(at(T0.plus(Duration.ofMinutes(1))).retryDue()).isZero();
        assertThat(at(T0.plus(Duration.ofMinutes(5))).retryDue()).isEqualTo(1);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(store.isWaiting(id)).isTrue();
    }

    @Test
    void a_permanent_failure_is_never_resent_by_itself() {
        MessageId id = failedWith(21610);
        assertThat(at(T0.plus(Duration.ofDays(2))).retryDue()).isZero();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.UNDELIVERED);
        assertThat(store.isWaiting(id)).isFalse();
    }

    @Test
    void an_organization_that_turned_retries_off_gets_none() {
        policies.save(ORG, new RetryPolicy(false, 3, Duration.ZERO, Duration.ZERO));
        failedWith(30003);
        assertThat(at(T0.plus(Duration.ofDays(2))).retryDue()).isZero();
    }

    @Test
    void an_operator_retries_a_permanent_failure_only_when_forcing_it() {
        MessageId id = failedWith(21610);
        assertThat(at(T0).retry(Actors.PLATFORM, ORG, id, false)).isInstanceOfSatisfying(RetryOutcome.Refused.class,
                refused -> assertThat(refused.reason()).contains("21610").contains("force"));
        assertThat(at(T0).retry(Actors.PLATFORM, ORG, id, true)).isInstanceOf(RetryOutcome.Scheduled.class);
    }

    @Test
    void an_operator_does_not_wait_for_the_backoff() {
        MessageId id = failedWith(30003);
        assertThat(at(T0).retry(Actors.PLATFORM, ORG, id, false)).isInstanceOf(RetryOutcome.Scheduled.class);
    }

    @Test
    void another_organization_cannot_retry_this_ones_message() {
        MessageId id = failedWith(30003);
        assertThat(at(T0).retry(Actors.PLATFORM, OrganizationId.of(2), id, true)).isEqualTo(new RetryOutcome.NotFound());
    }

    @Test
    void a_filtered_set_is_retried_where_the_rules_allow() {
        failedWith(30003);
        failedWith(30003);
        failedWith(21610);
        assertThat(at(T0).retryFailures(Actors.PLATFORM, ORG, 0, T0.minusSeconds(60), false)).isEqualTo(new BulkRetry(2, 1));
    }

    private MessageId failedWith(int code) {
        Message pending = store.add(Message.pending(ORG, Address.sms("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hi"), Map.of(), Optional.empty(), T0));
        MessageId id = pending.id().get();
        MessageSid sid = DeliveryStoreContract.randomSid();
        store.accepted(id, DeliveryEvent.of(sid, DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, T0));
        store.append(new ReportedEvent(new DeliveryEvent(sid, "undelivered", DeliveryError.of(code, ""),
                EventSource.CALLBACK, T0), MessageLookup.bySid(), ORG, DeliveryStoreContract.randomAccount(), Map.of(), ""));
        return id;
    }
}
