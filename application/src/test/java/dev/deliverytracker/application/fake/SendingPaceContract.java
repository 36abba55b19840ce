package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.PaceRate;
import dev.deliverytracker.application.port.out.SendingPace;
import dev.deliverytracker.application.port.out.SendingPace.Lane;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every schedule of senders and accounts promises ({@link SendingPace}), run against
 * {@link InMemorySendingPace} and against PostgreSQL. Each test uses lanes of its own.
 */
public abstract class SendingPaceContract {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    protected abstract SendingPace pace();

    @Test
    void a_new_lane_lets_its_burst_go_at_once_and_then_books_places_at_its_rate() {
        Lane sender = lane("sender", new PaceRate(2, 3));
        Lane account = lane("account", new PaceRate(1000, 1000));
        List<Instant> places = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            places.add(pace().reserve(sender, account, NOW));
        }

        assertThat(places).containsExactly(NOW, NOW, NOW, NOW.plusMillis(500), NOW.plusMillis(1000),
                NOW.plusMillis(1500));
    }

    @Test
    void the_slower_lane_decides_and_both_lanes_book_the_same_place() {
        Lane fastSender = lane("sender", new PaceRate(100, 1));
        Lane otherSender = lane("sender", new PaceRate(100, 1));
        Lane account = lane("account", new PaceRate(4, 1));

        assertThat(pace().reserve(fastSender, account, NOW)).isEqualTo(NOW);
        assertThat(pace().reserve(otherSender, account, NOW)).as("the account's next place").isEqualTo(NOW.plusMillis(250));
        assertThat(pace().reserve(fastSender, account, NOW)).isEqualTo(NOW.plusMillis(500));
    }

    @Test
    void a_lane_idle_for_long_enough_is_free_again_at_once() {
        Lane sender = lane("sender", new PaceRate(1, 1));
        Lane account = lane("account", new PaceRate(1, 1));
        pace().reserve(sender, account, NOW);

        assertThat(pace().reserve(sender, account, NOW.plusSeconds(5))).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void a_place_is_never_before_now() {
        Lane sender = lane("sender", new PaceRate(10, 1));
        Lane account = lane("account", new PaceRate(10, 1));
        pace().reserve(sender, account, NOW.plusSeconds(60));

        assertThat(pace().reserve(sender, account, NOW)).isAfterOrEqualTo(NOW);
    }

    @Test
    void concurrent_reservations_never_get_the_same_place_of_a_lane() throws Exception {
        Lane account = lane("account", new PaceRate(10, 1));
        ExecutorService dispatchers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Instant>> places = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Lane sender = lane("sender", new PaceRate(1000, 1000));
                places.add(dispatchers.submit(() -> pace().reserve(sender, account, NOW)));
            }
            List<Instant> booked = new ArrayList<>();
            for (Future<Instant> place : places) {
                booked.add(place.get());
            }

            assertThat(booked).doesNotHaveDuplicates().hasSize(40);
            assertThat(booked.stream().max(Instant::compareTo)).contains(NOW.plusMillis(3900));
        } finally {
            dispatchers.shutdownNow();
        }
    }

    private static Lane lane(String kind, PaceRate rate) {
        return new Lane(kind + ":contract-" + UUID.randomUUID(), rate);
    }
}
