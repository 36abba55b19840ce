package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.EventBatch;
import dev.deliverytracker.application.port.QuarantinedBatch;
import dev.deliverytracker.application.port.StreamedEvent;
import dev.deliverytracker.application.port.out.RefusedEventBatches;
import dev.deliverytracker.domain.AccountSid;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every quarantine of refused Event Streams batches promises ({@link RefusedEventBatches}), run
 * against the in-memory {@link InMemoryStreamEvents} and against PostgreSQL. Each test uses accounts of its
 * own. The cap per hour, the age limit and cutting a large body short are the real store's alone and
 * tested beside it.
 */
public abstract class RefusedEventBatchesContract {

    /** Recent and in whole seconds: the real store ages out old rows and keeps microseconds. */
    protected static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS);

    protected abstract RefusedEventBatches quarantine();

    @Test
    void a_kept_batch_reads_back_as_received_with_its_reason_whole_and_replayable() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        EventBatch sent = batch(account, "https://tracker.example.com/twilio-events?bodySHA256=abc", HOUR.plusSeconds(5),
                "sig==");

        quarantine().keep(sent, "X-Twilio-Signature does not match");

        assertThat(quarantine().of(account, HOUR, HOUR.plusSeconds(3600), 10)).singleElement().satisfies(kept -> {
            // Not promised: the other spellings of the URL; a replay signs against today's URL instead.
            assertThat(kept.batch()).usingRecursiveComparison().ignoringFields("alternativeUrls").isEqualTo(sent);
            assertThat(kept.reason()).isEqualTo("X-Twilio-Signature does not match");
            assertThat(kept.bodyLength()).isEqualTo(sent.body().length());
            assertThat(kept.whole()).isTrue();
        });
    }

    @Test
    void a_batch_is_found_by_the_account_of_its_events_or_of_the_sinks_url() {
        AccountSid byEvents = DeliveryStoreContract.randomAccount();
        AccountSid byUrl = DeliveryStoreContract.randomAccount();
        quarantine().keep(batch(byEvents, "https://tracker.example.com/twilio-events", HOUR.plusSeconds(1), "e"),
                "mismatch");
        quarantine().keep(new EventBatch("https://tracker.example.com/twilio-events?account=" + byUrl.value()
                + "&bodySHA256=abc", List.of(), "[]", "u", List.of(), HOUR.plusSeconds(2), "203.0.113.9"), "mismatch");

        assertThat(signatures(quarantine().of(byEvents, HOUR, HOUR.plusSeconds(60), 10))).containsExactly("e");
        assertThat(signatures(quarantine().of(byUrl, HOUR, HOUR.plusSeconds(60), 10))).containsExactly("u");
        assertThat(quarantine().of(DeliveryStoreContract.randomAccount(), HOUR, HOUR.plusSeconds(60), 10)).isEmpty();
    }

    @Test
    void batches_are_listed_per_account_oldest_first_within_the_half_open_range_up_to_the_limit() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        AccountSid other = DeliveryStoreContract.randomAccount();
        String url = "https://tracker.example.com/twilio-events";
        quarantine().keep(batch(account, url, HOUR.plusSeconds(30), "third"), "mismatch");
        quarantine().keep(batch(account, url, HOUR.plusSeconds(10), "first"), "mismatch");
        quarantine().keep(batch(account, url, HOUR.plusSeconds(20), "second"), "mismatch");
        quarantine().keep(batch(account, url, HOUR.plusSeconds(40), "at the end"), "mismatch");
        quarantine().keep(batch(account, url, HOUR.minusSeconds(1), "before"), "mismatch");
        quarantine().keep(batch(other, url, HOUR.plusSeconds(15), "other"), "mismatch");

        assertThat(signatures(quarantine().of(account, HOUR, HOUR.plusSeconds(40), 10)))
                .containsExactly("first", "second", "third");
        assertThat(signatures(quarantine().of(account, HOUR, HOUR.plusSeconds(40), 2)))
                .containsExactly("first", "second");
        assertThat(signatures(quarantine().of(other, HOUR, HOUR.plusSeconds(40), 10))).containsExactly("other");
    }

    @Test
    void a_released_batch_leaves_the_quarantine_and_the_others_stay() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        String url = "https://tracker.example.com/twilio-events";
        quarantine().keep(batch(account, url, HOUR.plusSeconds(1), "released"), "mismatch");
        quarantine().keep(batch(account, url, HOUR.plusSeconds(2), "kept"), "mismatch");
        long id = quarantine().of(account, HOUR, HOUR.plusSeconds(60), 10).get(0).id();

        quarantine().release(id);
        quarantine().release(id);

        assertThat(signatures(quarantine().of(account, HOUR, HOUR.plusSeconds(60), 10))).containsExactly("kept");
    }

    @Test
    void the_same_batch_refused_twice_is_kept_twice_under_two_ids() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        EventBatch batch = batch(account, "https://tracker.example.com/twilio-events", HOUR.plusSeconds(1), "again");

        quarantine().keep(batch, "mismatch");
        quarantine().keep(batch, "mismatch");

        assertThat(quarantine().of(account, HOUR, HOUR.plusSeconds(60), 10))
                .extracting(QuarantinedBatch::id).doesNotHaveDuplicates().hasSize(2);
    }

    protected static EventBatch batch(AccountSid account, String url, Instant at, String signature) {
        String id = "EZ" + UUID.randomUUID().toString().replace("-", "");
        String json = "{\"id\":\"" + id + "\",\"type\":\"com.twilio.messaging.message.delivered\",\"data\":{\"accountSid\":\""
                + account.value() + "\"}}";
        StreamedEvent event = new StreamedEvent(id, "com.twilio.messaging.message.delivered",
                Map.of("accountSid", account.value()), json);
        return new EventBatch(url, List.of(url + "&spelt=otherwise"), "[" + json + "]", signature, List.of(event), at,
                "203.0.113.9");
    }

    private static List<String> signatures(List<QuarantinedBatch> kept) {
        return kept.stream().map(k -> k.batch().signature()).toList();
    }
}
