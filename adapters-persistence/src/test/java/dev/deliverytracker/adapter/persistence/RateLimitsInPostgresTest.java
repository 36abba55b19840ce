package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.port.out.PaceRate;
import dev.deliverytracker.application.port.SendLimit;
import dev.deliverytracker.application.port.out.SendLimits;
import dev.deliverytracker.application.port.out.SendingPace.Lane;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Send budgets (Bucket4j on PostgreSQL) and pacing schedules against the real database, on a clock the test moves. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class RateLimitsInPostgresTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PostgresSendingPace pace;

    @Autowired
    JdbcOrganizationSendLimits organizationLimits;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final String bucket = "test:" + UUID.randomUUID();
    private final SendLimit threePerSecond = new SendLimit(3, Duration.ofSeconds(1));

    @Test
    void a_bucket_gives_its_tokens_then_answers_the_wait_and_refills_as_the_clock_moves() {
        Bucket4jSendBudgets budgets = new Bucket4jSendBudgets(dataSource, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(budgets.take(bucket, threePerSecond)).as("token %d", i).isEmpty();
        }

        assertThat(budgets.take(bucket, threePerSecond)).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(333), Duration.ofMillis(334)));
        clock.advance(Duration.ofMillis(200));
        assertThat(budgets.take(bucket, threePerSecond)).as("not yet refilled").isPresent();
        clock.advance(Duration.ofMillis(134));
        assertThat(budgets.take(bucket, threePerSecond)).as("one token refilled").isEmpty();
        assertThat(budgets.take(bucket, threePerSecond)).isPresent();
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            assertThat(budgets.take(bucket, threePerSecond)).as("full again, never above its capacity").isEmpty();
        }
        assertThat(budgets.take(bucket, threePerSecond)).isPresent();
    }

    @Test
    void concurrent_takes_from_two_instances_grant_exactly_the_budget() throws Exception {
        SendLimit fifty = new SendLimit(50, Duration.ofHours(1));
        List<Bucket4jSendBudgets> instances = List.of(new Bucket4jSendBudgets(dataSource, clock),
                new Bucket4jSendBudgets(dataSource, clock));
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                Bucket4jSendBudgets instance = instances.get(i % 2);
                takes.add(callers.submit(() -> instance.take(bucket, fifty).isEmpty()));
            }
            long granted = 0;
            for (Future<Boolean> take : takes) {
                granted += take.get() ? 1 : 0;
            }

            assertThat(granted).as("batched takes never grant more, or less, than the bucket holds").isEqualTo(50);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void two_instances_take_from_one_bucket_in_the_database() {
        Bucket4jSendBudgets one = new Bucket4jSendBudgets(dataSource, clock);
        Bucket4jSendBudgets other = new Bucket4jSendBudgets(dataSource, clock);
        assertThat(one.take(bucket, threePerSecond)).isEmpty();
        assertThat(other.take(bucket, threePerSecond)).isEmpty();
        assertThat(one.take(bucket, threePerSecond)).isEmpty();

        assertThat(other.take(bucket, threePerSecond)).isPresent();
        assertThat(jdbc.sql("select count(*) from rate_limit_buckets where bucket_key like :name")
                .param("name", bucket + ":%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_token_given_back_can_be_taken_again() {
        Bucket4jSendBudgets budgets = new Bucket4jSendBudgets(dataSource, clock);
        for (int i = 0; i < 3; i++) {
            budgets.take(bucket, threePerSecond);
        }
        budgets.giveBack(bucket, threePerSecond);
        assertThat(budgets.take(bucket, threePerSecond)).isEmpty();
        assertThat(budgets.take(bucket, threePerSecond)).isPresent();
    }

    /** Bucket4j dates a row's expiry by the system clock, not the client clock, so only this half is testable without waiting. */
    @Test
    void a_bucket_in_use_is_not_removed_as_expired() {
        Bucket4jSendBudgets budgets = new Bucket4jSendBudgets(dataSource, clock);
        budgets.take(bucket, threePerSecond);
        budgets.removeIdle(1000);
        assertThat(rowsOf(bucket)).isEqualTo(1);
        assertThat(jdbc.sql("select expires_at from rate_limit_buckets where bucket_key like :name")
                .param("name", bucket + ":%").query(Long.class).single()).as("an expiry is written").isPositive();
    }

    private long rowsOf(String name) {
        return jdbc.sql("select count(*) from rate_limit_buckets where bucket_key like :name")
                .param("name", name + ":%").query(Long.class).single();
    }

    @Test
    void an_organization_without_limits_of_its_own_gets_the_defaults_and_one_with_them_gets_those() {
        SendLimits defaults = new SendLimits(threePerSecond, new SendLimit(10, Duration.ofSeconds(1)));
        long org = jdbc.sql("insert into organizations (name) values ('limits') returning org_id").query(Long.class)
                .single();
        assertThat(organizationLimits.of(OrganizationId.of(org), defaults)).isEqualTo(defaults);

        jdbc.sql("insert into organization_rate_limits (org_id, per_organization_requests, per_organization_seconds) "
                + "values (:org, 600, 60)").param("org", org).update();

        assertThat(organizationLimits.of(OrganizationId.of(org), defaults)).isEqualTo(
                new SendLimits(threePerSecond, new SendLimit(600, Duration.ofSeconds(60))));
    }

    @Test
    void a_lane_lets_its_burst_go_at_once_and_then_books_places_at_its_rate() {
        Lane sender = new Lane("sender:test-" + UUID.randomUUID(), new PaceRate(2, 3));
        Lane account = new Lane("account:test-" + UUID.randomUUID(), new PaceRate(1000, 1000));
        Instant now = clock.instant();
        List<Instant> places = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            places.add(pace.reserve(sender, account, now));
        }
        assertThat(places).containsExactly(now, now, now, now.plusMillis(500), now.plusMillis(1000),
                now.plusMillis(1500));
    }

    @Test
    void the_slower_lane_decides_and_both_lanes_book_the_same_place() {
        Lane fastSender = new Lane("sender:test-" + UUID.randomUUID(), new PaceRate(100, 1));
        Lane otherSender = new Lane("sender:test-" + UUID.randomUUID(), new PaceRate(100, 1));
        Lane account = new Lane("account:test-" + UUID.randomUUID(), new PaceRate(4, 1));
        Instant now = clock.instant();

        assertThat(pace.reserve(fastSender, account, now)).isEqualTo(now);
        assertThat(pace.reserve(otherSender, account, now)).isEqualTo(now.plusMillis(250));
        assertThat(pace.reserve(fastSender, account, now)).isEqualTo(now.plusMillis(500));
        assertThat(pace.reserve(fastSender, account, now.plusSeconds(5))).as("an idle lane is free again")
                .isEqualTo(now.plusSeconds(5));
    }
}
