package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.application.port.out.UnpricedMessage;
import dev.deliverytracker.application.port.out.MessageCharges;
import dev.deliverytracker.domain.Charge;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every keeper of unpriced messages promises, run against the fake and PostgreSQL. Each test
 * works in a window of time of its own far from the others', so tests share a database safely.
 */
public abstract class MessageChargesContract {

    protected abstract MessageCharges unpriced();

    /** An organization of the test's own. */
    protected abstract OrganizationId organization();

    /** A message whose status became final (delivered) at {@code lastChange}; {@code body} null for an adopted one. */
    protected abstract MessageId finished(OrganizationId organization, MessageSid sid, Instant lastChange, String body);

    /** A message still on its way (sent), last changed at {@code lastChange}. */
    protected abstract MessageId open(OrganizationId organization, MessageSid sid, Instant lastChange);

    private static final Charge SEVEN_CENTS = Charge.fromProvider("-0.07000", "USD");

    /** A window of its own for each test: a random hour somewhere in 2020. */
    private final Instant base = Instant.parse("2020-01-01T00:00:00Z")
            .plus(Duration.ofHours(java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 8000)))
            .truncatedTo(ChronoUnit.MILLIS);

    private List<MessageId> candidates(Instant askedBefore) {
        return unpriced().findUnpriced(base.plusSeconds(600), base.minusSeconds(600), askedBefore, 100).stream()
                .map(UnpricedMessage::id).toList();
    }

    @Test
    void final_messages_in_the_window_are_found_oldest_first_and_open_ones_never() {
        OrganizationId org = organization();
        MessageId later = finished(org, DeliveryStoreContract.randomSid(), base.plusSeconds(20), "hi");
        MessageId earlier = finished(org, DeliveryStoreContract.randomSid(), base.plusSeconds(10), "hi");
        MessageId open = open(org, DeliveryStoreContract.randomSid(), base.plusSeconds(5));
        MessageId tooOld = finished(org, DeliveryStoreContract.randomSid(), base.minusSeconds(700), "hi");
        MessageId tooFresh = finished(org, DeliveryStoreContract.randomSid(), base.plusSeconds(700), "hi");

        List<MessageId> found = candidates(base);

        assertThat(found).containsSubsequence(earlier, later).doesNotContain(open, tooOld, tooFresh);
    }

    @Test
    void the_least_recently_asked_come_first_so_unpriced_answers_cannot_starve_newer_messages() {
        OrganizationId org = organization();
        MessageId askedOften = finished(org, DeliveryStoreContract.randomSid(), base, "hi");
        MessageId newer = finished(org, DeliveryStoreContract.randomSid(), base.plusSeconds(60), "hi");
        unpriced().record(askedOften, MessageFacts.NONE, base.plusSeconds(120));

        assertThat(candidates(base.plusSeconds(300))).containsSubsequence(newer, askedOften);
    }

    @Test
    void a_message_never_asked_about_has_nothing_known() {
        MessageId id = finished(organization(), DeliveryStoreContract.randomSid(), base, "hi");

        assertThat(unpriced().find(id)).isEmpty();
    }

    @Test
    void a_priced_message_is_kept_and_no_longer_a_candidate() {
        MessageId id = finished(organization(), DeliveryStoreContract.randomSid(), base, "Your code is 1234");

        unpriced().record(id, new MessageFacts(2, SEVEN_CENTS, "Your code is ****"), base.plusSeconds(1));

        assertThat(candidates(base.plusSeconds(3600))).doesNotContain(id);
        MessageFacts kept = unpriced().find(id).orElseThrow();
        assertThat(kept.segments()).isEqualTo(2);
        assertThat(kept.charge().amount()).isEqualByComparingTo("0.07");
        assertThat(kept.charge().currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(kept.body()).as("our own text is not replaced by the provider's copy").isEqualTo("Your code is 1234");
    }

    @Test
    void an_answer_without_a_price_is_asked_again_only_after_the_wait() {
        MessageId id = finished(organization(), DeliveryStoreContract.randomSid(), base, null);
        Instant askedAt = base.plusSeconds(30);

        unpriced().record(id, new MessageFacts(1, null, "Hello from the other app"), askedAt);

        assertThat(candidates(askedAt)).doesNotContain(id);
        assertThat(candidates(askedAt.plusMillis(1))).contains(id);
        assertThat(unpriced().find(id).orElseThrow().body()).as("an adopted message learns its text").isEqualTo("Hello from the other app");
        assertThat(unpriced().find(id).orElseThrow().segments()).isEqualTo(1);
        assertThat(unpriced().find(id).orElseThrow().charge()).isNull();
    }
}
