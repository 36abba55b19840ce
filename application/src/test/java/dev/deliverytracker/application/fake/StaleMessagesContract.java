package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.StaleMessage;
import dev.deliverytracker.application.port.out.StaleMessages;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the reconciler's store promises ({@link StaleMessages}), run against {@link InMemoryStaleMessages}
 * and against PostgreSQL. Every message here changed in 1999, and the cutoffs are chosen so that only
 * messages of that year can qualify; a shared database holds others, so each test looks at its own.
 */
public abstract class StaleMessagesContract {

    protected static final Instant LONG_AGO = Instant.parse("1999-01-01T00:00:00Z");

    protected abstract StaleMessages stale();

    protected abstract OrganizationId newOrganization();

    /** A WhatsApp message Twilio took as queued under {@code sid}; its last change was at {@code changedAt}. */
    protected abstract MessageId acceptedAt(OrganizationId org, MessageSid sid, Instant changedAt);

    /** A callback moved the message to {@code status}; that change was at {@code changedAt}. */
    protected abstract void movedAt(OrganizationId org, MessageId id, MessageSid sid, DeliveryStatus status,
            Instant changedAt);

    @Test
    void a_message_without_news_since_its_cutoff_is_found_with_what_polling_needs() {
        OrganizationId org = newOrganization();
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = acceptedAt(org, sid, LONG_AGO);

        assertThat(find(Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60)), id)).singleElement().satisfies(m -> {
            assertThat(m.organization()).isEqualTo(org);
            assertThat(m.sid()).isEqualTo(sid);
            assertThat(m.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(m.status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(m.lastChange()).isEqualTo(LONG_AGO);
            assertThat(m.polls()).isZero();
        });
    }

    @Test
    void a_message_with_news_after_the_cutoff_or_in_a_status_without_one_is_not_found() {
        OrganizationId org = newOrganization();
        MessageId recent = acceptedAt(org, DeliveryStoreContract.randomSid(), LONG_AGO.plusSeconds(120));
        MessageId queued = acceptedAt(org, DeliveryStoreContract.randomSid(), LONG_AGO);

        assertThat(find(Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60)), recent, queued))
                .extracting(StaleMessage::id).containsExactly(queued);
        assertThat(find(Map.of(DeliveryStatus.SENT, LONG_AGO.plusSeconds(60)), recent, queued)).isEmpty();
    }

    @Test
    void each_status_has_its_own_cutoff_and_the_oldest_change_comes_first() {
        OrganizationId org = newOrganization();
        MessageSid sentSid = DeliveryStoreContract.randomSid();
        MessageId sent = acceptedAt(org, sentSid, LONG_AGO);
        movedAt(org, sent, sentSid, DeliveryStatus.SENT, LONG_AGO.plusSeconds(10));
        MessageId queued = acceptedAt(org, DeliveryStoreContract.randomSid(), LONG_AGO.plusSeconds(20));

        assertThat(find(Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60), DeliveryStatus.SENT,
                LONG_AGO.plusSeconds(60)), sent, queued)).extracting(StaleMessage::id).containsExactly(sent, queued);
        assertThat(find(Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60), DeliveryStatus.SENT,
                LONG_AGO.plusSeconds(5)), sent, queued)).extracting(StaleMessage::id).containsExactly(queued);
    }

    @Test
    void a_message_that_reached_a_final_status_is_not_found() {
        OrganizationId org = newOrganization();
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = acceptedAt(org, sid, LONG_AGO);
        movedAt(org, id, sid, DeliveryStatus.DELIVERED, LONG_AGO.plusSeconds(10));

        assertThat(find(Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60), DeliveryStatus.SENT,
                LONG_AGO.plusSeconds(60)), id)).isEmpty();
    }

    @Test
    void a_polled_message_waits_for_the_poll_interval_and_polling_does_not_count_as_news() {
        OrganizationId org = newOrganization();
        MessageId id = acceptedAt(org, DeliveryStoreContract.randomSid(), LONG_AGO);
        Instant polledAt = LONG_AGO.plusSeconds(3600);
        Map<DeliveryStatus, Instant> cutoffs = Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60));

        stale().markPolled(id, polledAt);

        assertThat(own(stale().find(cutoffs, polledAt.minusSeconds(1), 10_000), id)).isEmpty();
        assertThat(own(stale().find(cutoffs, polledAt, 10_000), id)).singleElement().satisfies(m -> {
            assertThat(m.polls()).isOne();
            assertThat(m.lastChange()).isEqualTo(LONG_AGO);
        });
    }

    @Test
    void an_unconfirmed_message_is_never_found_again() {
        OrganizationId org = newOrganization();
        MessageId id = acceptedAt(org, DeliveryStoreContract.randomSid(), LONG_AGO);

        stale().markUnconfirmed(id, LONG_AGO.plusSeconds(86_400));
        stale().markUnconfirmed(id, LONG_AGO.plusSeconds(2 * 86_400));

        assertThat(find(Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60)), id)).isEmpty();
    }

    @Test
    void at_most_the_limit_is_found() {
        OrganizationId org = newOrganization();
        acceptedAt(org, DeliveryStoreContract.randomSid(), LONG_AGO);
        acceptedAt(org, DeliveryStoreContract.randomSid(), LONG_AGO.plusSeconds(1));

        assertThat(stale().find(Map.of(DeliveryStatus.QUEUED, LONG_AGO.plusSeconds(60)), LONG_AGO.plusSeconds(60), 1))
                .hasSize(1);
    }

    private List<StaleMessage> find(Map<DeliveryStatus, Instant> cutoffs, MessageId... ids) {
        return own(stale().find(cutoffs, LONG_AGO.plusSeconds(86_400), 10_000), ids);
    }

    private static List<StaleMessage> own(List<StaleMessage> found, MessageId... ids) {
        List<MessageId> wanted = List.of(ids);
        return found.stream().filter(message -> wanted.contains(message.id())).toList();
    }
}
