package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.InvalidSetting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.port.in.DispatchMessages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DispatchScheduleTest {

    /** Rounds that each wait on "Twilio" until the test lets them go, counting how many wait at once. */
    private static final class SlowRounds implements DispatchMessages {
        final AtomicInteger inRound = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final Semaphore answers = new Semaphore(0);
        final CountDownLatch stopCalled = new CountDownLatch(1);

        @Override
        public int dispatchDue() {
            mostAtOnce.accumulateAndGet(inRound.incrementAndGet(), Math::max);
            try {
                answers.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inRound.decrementAndGet();
            }
            return 0;
        }

        @Override
        public void stop() {
            stopCalled.countDown();
        }
    }

    private static TrackerProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("tracker", TrackerProperties.class);
    }

    @Test
    void lanes_run_rounds_at_the_same_time_so_one_round_waiting_on_twilio_does_not_hold_the_others() throws Exception {
        SlowRounds rounds = new SlowRounds();
        DispatchSchedule schedule = new DispatchSchedule(rounds,
                properties(Map.of("tracker.dispatch.lanes", "3", "tracker.dispatch.interval", "10ms")),
                new SimpleMeterRegistry());

        schedule.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (rounds.inRound.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(rounds.inRound.get()).as("rounds waiting at once").isEqualTo(3);
        } finally {
            rounds.answers.release(1_000);
            schedule.stop();
        }
        assertThat(rounds.mostAtOnce.get()).isEqualTo(3);
        assertThat(rounds.stopCalled.getCount()).isZero();
        assertThat(schedule.isRunning()).isFalse();
    }

    @Test
    void a_stop_waits_for_the_rounds_under_way_and_wakes_the_resting_lanes() throws Exception {
        SlowRounds rounds = new SlowRounds();
        // A long rest: a stop that waited for it would take a minute.
        DispatchSchedule schedule = new DispatchSchedule(rounds,
                properties(Map.of("tracker.dispatch.lanes", "2", "tracker.dispatch.interval", "60s")),
                new SimpleMeterRegistry());
        // Other tests' application contexts in this JVM run lanes of their own.
        Set<Thread> lanesOfOthers = lanes();
        schedule.start();
        rounds.answers.release(1); // one lane finishes its round and rests; the other stays in its round
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (rounds.inRound.get() != 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread releaser = new Thread(() -> {
            try {
                rounds.stopCalled.await();
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            rounds.answers.release(1);
        });
        releaser.start();

        schedule.stop();

        assertThat(rounds.inRound.get()).as("the round under way finished before stop returned").isZero();
        assertThat(lanes()).as("this schedule's lanes still alive after the stop").isSubsetOf(lanesOfOthers);
        releaser.join();
    }

    private static Set<Thread> lanes() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("dispatch-lane-") && thread.isAlive())
                .collect(Collectors.toSet());
    }

    @Test
    void lanes_out_of_range_stop_the_start_naming_the_setting() {
        assertThatThrownBy(() -> new DispatchSchedule(new SlowRounds(), properties(Map.of("tracker.dispatch.lanes", "0")),
                new SimpleMeterRegistry()))
                .isInstanceOf(InvalidSetting.class)
                .hasMessageContaining("tracker.dispatch.lanes").hasMessageContaining("1 to 16");
    }
}
