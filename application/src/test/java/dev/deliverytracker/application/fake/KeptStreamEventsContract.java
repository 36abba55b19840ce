package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.StreamedEvent;
import dev.deliverytracker.application.port.out.KeptStreamEvents;
import dev.deliverytracker.application.port.out.KeptStreamEvents.Disposition;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every keeper of Event Streams events that are not recorded promises ({@link KeptStreamEvents}), run
 * against the in-memory {@link InMemoryStreamEvents} and against PostgreSQL. The port only writes: operators
 * read what it kept with SQL (docs/event-streams.md), so each implementation reads its own store back
 * through {@link #keptFor(OrganizationId)}; the assertions are shared. Each test uses an organization of
 * its own. Ageing out is the real store's alone and tested beside it.
 */
public abstract class KeptStreamEventsContract {

    /** Whole seconds: the database keeps microseconds. */
    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** One kept event, as the store holds it. */
    public record KeptEvent(AccountSid signedBy, String id, String type, Disposition disposition, String reason,
            String json, Instant receivedAt) {
    }

    protected abstract KeptStreamEvents kept();

    /** An organization the store can keep events for. */
    protected abstract OrganizationId newOrganization();

    /** What the store holds for this organization, oldest first. */
    protected abstract List<KeptEvent> keptFor(OrganizationId organization);

    @Test
    void an_event_is_kept_with_who_signed_it_why_and_its_json_as_it_came() {
        OrganizationId organization = newOrganization();
        AccountSid account = DeliveryStoreContract.randomAccount();
        StreamedEvent event = event("com.twilio.voice.status-callback.call.completed");

        kept().keep(organization, account, event, Disposition.UNHANDLED_TYPE, "not a type the tracker reads", NOW);

        assertThat(keptFor(organization)).containsExactly(new KeptEvent(account, event.id(), event.type(),
                Disposition.UNHANDLED_TYPE, "not a type the tracker reads", event.json(), NOW));
    }

    @Test
    void an_event_kept_again_is_kept_once_and_the_first_keeping_stands() {
        OrganizationId organization = newOrganization();
        AccountSid account = DeliveryStoreContract.randomAccount();
        StreamedEvent event = event(StreamedEvent.STATUS_TYPE_PREFIX + "delivered");

        kept().keep(organization, account, event, Disposition.UNREADABLE, "no messageSid", NOW);
        kept().keep(organization, account, event, Disposition.UNREADABLE, "retried by Twilio", NOW.plusSeconds(5));

        assertThat(keptFor(organization)).singleElement().satisfies(once -> {
            assertThat(once.reason()).isEqualTo("no messageSid");
            assertThat(once.receivedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void the_same_event_id_in_two_organizations_is_kept_for_each() {
        OrganizationId one = newOrganization();
        OrganizationId two = newOrganization();
        StreamedEvent event = event("com.twilio.voice.status-callback.call.completed");

        kept().keep(one, DeliveryStoreContract.randomAccount(), event, Disposition.UNHANDLED_TYPE, "unhandled", NOW);
        kept().keep(two, DeliveryStoreContract.randomAccount(), event, Disposition.UNHANDLED_TYPE, "unhandled", NOW);

        assertThat(keptFor(one)).extracting(KeptEvent::id).containsExactly(event.id());
        assertThat(keptFor(two)).extracting(KeptEvent::id).containsExactly(event.id());
    }

    @Test
    void distinct_events_are_each_kept_with_their_own_disposition() {
        OrganizationId organization = newOrganization();
        AccountSid account = DeliveryStoreContract.randomAccount();
        StreamedEvent unhandled = event("com.twilio.voice.status-callback.call.completed");
        StreamedEvent unreadable = event(StreamedEvent.STATUS_TYPE_PREFIX + "sent");

        kept().keep(organization, account, unhandled, Disposition.UNHANDLED_TYPE, "unhandled", NOW);
        kept().keep(organization, account, unreadable, Disposition.UNREADABLE, "no messageSid", NOW.plusSeconds(1));

        assertThat(keptFor(organization)).extracting(KeptEvent::id, KeptEvent::disposition).containsExactly(
                org.assertj.core.groups.Tuple.tuple(unhandled.id(), Disposition.UNHANDLED_TYPE),
                org.assertj.core.groups.Tuple.tuple(unreadable.id(), Disposition.UNREADABLE));
    }

    /**
     * An event whose JSON is written as PostgreSQL's jsonb gives it back (keys by length, ", " and ": "):
     * not promised are the JSON's spacing and key order, only its content.
     */
    private static StreamedEvent event(String type) {
        String id = "EZ" + UUID.randomUUID().toString().replace("-", "");
        return new StreamedEvent(id, type, Map.of("accountSid", "AC1"),
                "{\"id\": \"" + id + "\", \"data\": {\"accountSid\": \"AC1\"}, \"type\": \"" + type + "\"}");
    }
}
