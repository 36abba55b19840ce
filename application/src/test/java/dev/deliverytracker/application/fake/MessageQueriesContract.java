package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.TimelineEvent;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.Milestone;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Origin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the read side promises for lists, exports, a message and its timeline ({@link MessageQueries}),
 * run against {@link InMemoryMessageQueries} and against the SQL on PostgreSQL. Each test uses an
 * organization of its own, in 2002, so nothing else is in its range. Messages are set up through the
 * hooks below, which each implementation runs its own way (the real one through the stores).
 *
 * <p>Not in the contract: the statistics (per bucket, delivery times, senders, error counts), which the
 * fake answers as the test sets them (they read the hourly rollup; tested on PostgreSQL only).
 */
public abstract class MessageQueriesContract {

    protected static final Instant T0 = Instant.parse("2002-03-04T10:00:00Z");

    protected abstract MessageQueries queries();

    protected abstract OrganizationId newOrganization();

    /** A message sent through the API, pending, from the organization's default sender. */
    protected abstract MessageId pending(OrganizationId org, Address to, Map<String, String> tags, Instant createdAt);

    /** Twilio took the message under {@code sid} and answered queued. */
    protected abstract void accepted(OrganizationId org, MessageId id, MessageSid sid, Instant at);

    /** A callback reported {@code status} for the message. */
    protected abstract void reported(OrganizationId org, MessageId id, MessageSid sid, DeliveryStatus status,
            DeliveryError error, Instant at);

    /** Sending failed for good before Twilio gave a SID. */
    protected abstract void sendFailed(OrganizationId org, MessageId id, DeliveryError error, Instant at);

    @Test
    void a_message_reads_back_with_its_status_sid_error_milestones_and_tags_only_in_its_organization() {
        OrganizationId org = newOrganization();
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = pending(org, Address.whatsapp("+31612000001"), Map.of("campaign", "spring"), T0);
        accepted(org, id, sid, T0.plusSeconds(1));
        reported(org, id, sid, DeliveryStatus.UNDELIVERED, DeliveryError.of(63016, "outside the window"),
                T0.plusSeconds(5));

        MessageSummary message = queries().find(org, id).orElseThrow();

        assertThat(message.id()).isEqualTo(id);
        assertThat(message.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(message.to()).isEqualTo("+31612000001");
        assertThat(message.from()).isEmpty();
        assertThat(message.sid()).isEqualTo(sid.value());
        assertThat(message.status()).isEqualTo(DeliveryStatus.UNDELIVERED);
        assertThat(message.error().code()).isEqualTo(63016);
        assertThat(message.tags()).isEqualTo(Map.of("campaign", "spring"));
        assertThat(message.milestones().at(Milestone.QUEUED)).contains(T0.plusSeconds(1));
        assertThat(message.createdAt()).isEqualTo(T0);
        assertThat(message.origin()).isEqualTo(Origin.API);
        assertThat(queries().find(newOrganization(), id)).isEmpty();
        assertThat(queries().find(org, MessageId.of(Long.MAX_VALUE - 3))).isEmpty();
    }

    @Test
    void pages_are_newest_first_and_a_cursor_continues_after_ties_on_the_creation_time() {
        OrganizationId org = newOrganization();
        MessageId oldest = pending(org, Address.sms("+31612000001"), Map.of(), T0);
        MessageId tieA = pending(org, Address.sms("+31612000002"), Map.of(), T0.plusSeconds(1));
        MessageId tieB = pending(org, Address.sms("+31612000003"), Map.of(), T0.plusSeconds(1));
        MessageId newest = pending(org, Address.sms("+31612000004"), Map.of(), T0.plusSeconds(2));

        List<MessageId> seen = new ArrayList<>();
        Optional<MessageCursor> after = Optional.empty();
        do {
            List<MessageSummary> page = queries().page(MessageFilter.all(org), after, 1);
            page.forEach(message -> seen.add(message.id()));
            after = page.isEmpty() ? Optional.empty() : Optional.of(page.get(0).cursor());
        } while (after.isPresent());

        assertThat(seen).containsExactly(newest, tieB, tieA, oldest);
        assertThat(ids(MessageFilter.all(newOrganization()))).as("another organization's list").isEmpty();
    }

    @Test
    void each_filter_narrows_the_list_and_all_of_them_must_hold() {
        OrganizationId org = newOrganization();
        MessageSid deliveredSid = DeliveryStoreContract.randomSid();
        MessageId delivered = pending(org, Address.sms("+31612000011"), Map.of("campaign", "spring"), T0);
        accepted(org, delivered, deliveredSid, T0.plusSeconds(1));
        reported(org, delivered, deliveredSid, DeliveryStatus.DELIVERED, DeliveryError.NONE, T0.plusSeconds(5));
        MessageSid undeliveredSid = DeliveryStoreContract.randomSid();
        MessageId undelivered = pending(org, Address.whatsapp("+31612000012"), Map.of("campaign", "spring"),
                T0.plusSeconds(10));
        accepted(org, undelivered, undeliveredSid, T0.plusSeconds(11));
        reported(org, undelivered, undeliveredSid, DeliveryStatus.UNDELIVERED, DeliveryError.of(30003, ""),
                T0.plusSeconds(15));
        MessageId other = pending(org, Address.sms("+31612000013"), Map.of("campaign", "autumn"), T0.plusSeconds(20));

        MessageFilter all = MessageFilter.all(org);
        assertThat(ids(all)).containsExactly(other, undelivered, delivered);
        assertThat(ids(all.withStatus(DeliveryStatus.DELIVERED))).containsExactly(delivered);
        assertThat(ids(all.withChannel(Channel.WHATSAPP))).containsExactly(undelivered);
        assertThat(ids(all.withTo(Address.sms("+31612000013")))).containsExactly(other);
        assertThat(ids(all.withErrorCode(30003))).containsExactly(undelivered);
        assertThat(ids(all.withTag(new MessageFilter.Tag("campaign", "spring")))).containsExactly(undelivered, delivered);
        assertThat(ids(all.withTag(new MessageFilter.Tag("campaign", "winter")))).isEmpty();
        assertThat(ids(all.withTag(new MessageFilter.Tag("channel", "spring")))).isEmpty();
        assertThat(ids(new MessageFilter(org, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(T0.plusSeconds(10)), Optional.of(T0.plusSeconds(20)), Optional.empty(),
                Optional.empty()))).as("from included, until excluded").containsExactly(undelivered);
        assertThat(ids(all.withStatus(DeliveryStatus.DELIVERED).withChannel(Channel.WHATSAPP))).isEmpty();
        assertThat(ids(new MessageFilter(org, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Origin.API))))
                .containsExactly(other, undelivered, delivered);
    }

    @Test
    void the_recipient_filter_matches_the_number_on_either_channel() {
        OrganizationId org = newOrganization();
        MessageId sms = pending(org, Address.sms("+31612000021"), Map.of(), T0);
        MessageId whatsapp = pending(org, Address.whatsapp("+31612000021"), Map.of(), T0.plusSeconds(1));

        assertThat(ids(MessageFilter.all(org).withTo(Address.sms("+31612000021")))).containsExactly(whatsapp, sms);
        assertThat(ids(MessageFilter.all(org).withTo(Address.whatsapp("+31612000021")))).containsExactly(whatsapp, sms);
    }

    @Test
    void a_sid_prefix_matches_from_the_start_case_sensitively_and_never_a_message_without_a_sid() {
        OrganizationId org = newOrganization();
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId taken = pending(org, Address.sms("+31612000031"), Map.of(), T0);
        accepted(org, taken, sid, T0.plusSeconds(1));
        pending(org, Address.sms("+31612000032"), Map.of(), T0.plusSeconds(2));

        assertThat(ids(withSidPrefix(org, sid.value()))).as("a whole SID is a prefix of itself").containsExactly(taken);
        assertThat(ids(withSidPrefix(org, sid.value().substring(0, 20)))).containsExactly(taken);
        assertThat(ids(withSidPrefix(org, sid.value().substring(2, 20)))).as("only from the start").isEmpty();
        assertThat(ids(withSidPrefix(org, "sm" + sid.value().substring(2, 20)))).as("case-sensitive").isEmpty();
    }

    @Test
    void an_export_streams_what_the_list_shows_without_a_limit_and_counts_it() {
        OrganizationId org = newOrganization();
        List<MessageId> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sent.add(0, pending(org, Address.sms("+3161200004" + i), Map.of(), T0.plusSeconds(i)));
        }
        List<MessageId> streamed = new ArrayList<>();

        long count = queries().each(MessageFilter.all(org), message -> streamed.add(message.id()));

        assertThat(count).isEqualTo(7);
        assertThat(streamed).containsExactlyElementsOf(sent);
        assertThat(queries().each(MessageFilter.all(newOrganization()), message -> { })).isZero();
    }

    @Test
    void a_timeline_is_every_event_oldest_first_with_the_payload_only_when_asked_and_only_in_its_organization() {
        OrganizationId org = newOrganization();
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = pending(org, Address.sms("+31612000051"), Map.of(), T0);
        accepted(org, id, sid, T0.plusSeconds(1));
        reported(org, id, sid, DeliveryStatus.DELIVERED, DeliveryError.NONE, T0.plusSeconds(9));
        reported(org, id, sid, DeliveryStatus.SENT, DeliveryError.NONE, T0.plusSeconds(5));

        List<TimelineEvent> events = queries().events(org, id, false);

        assertThat(events).extracting(TimelineEvent::status)
                .containsExactly(DeliveryStatus.QUEUED, DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
        assertThat(events).extracting(TimelineEvent::source)
                .containsExactly(EventSource.SEND_RESPONSE, EventSource.CALLBACK, EventSource.CALLBACK);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.sid()).isEqualTo(sid.value());
            assertThat(event.payload()).isEmpty();
        });
        assertThat(queries().events(org, id, true).get(2).payload()).hasValueSatisfying(payload ->
                assertThat(payload).containsEntry("MessageStatus", List.of("delivered")));
        assertThat(queries().events(newOrganization(), id, true)).isEmpty();
    }

    @Test
    void a_send_failure_is_on_the_timeline_without_a_sid_and_fails_the_message_with_its_code() {
        OrganizationId org = newOrganization();
        MessageId id = pending(org, Address.sms("+31612000061"), Map.of(), T0);
        sendFailed(org, id, DeliveryError.of(21211, "invalid 'To' number"), T0.plusSeconds(1));

        assertThat(queries().events(org, id, false)).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(event.source()).isEqualTo(EventSource.SEND_FAILURE);
            assertThat(event.sid()).isEmpty();
            assertThat(event.error().code()).isEqualTo(21211);
        });
        assertThat(queries().find(org, id).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(ids(MessageFilter.all(org).withErrorCode(21211))).containsExactly(id);
    }

    @Test
    void failures_are_counted_by_code_among_the_messages_failed_in_the_range_of_the_organization() {
        OrganizationId org = newOrganization();
        failedWith(org, DeliveryStatus.UNDELIVERED, 30003, T0.plusSeconds(10));
        failedWith(org, DeliveryStatus.UNDELIVERED, 30003, T0.plusSeconds(20));
        failedWith(org, DeliveryStatus.FAILED, 30003, T0.plusSeconds(30));
        failedWith(org, DeliveryStatus.FAILED, 21610, T0.plusSeconds(40));
        failedWith(org, DeliveryStatus.FAILED, 30003, T0.plusSeconds(3600));
        MessageId sentOnly = pending(org, Address.sms("+31612000079"), Map.of(), T0);
        MessageSid sid = DeliveryStoreContract.randomSid();
        accepted(org, sentOnly, sid, T0.plusSeconds(1));
        failedWith(newOrganization(), DeliveryStatus.FAILED, 30003, T0.plusSeconds(10));

        assertThat(queries().failures(org, new dev.deliverytracker.application.port.TimeRange(T0,
                T0.plusSeconds(3600)))).containsExactlyInAnyOrder(new MessageQueries.FailureCount(30003, 1, 2),
                        new MessageQueries.FailureCount(21610, 1, 0));
    }

    private void failedWith(OrganizationId org, DeliveryStatus status, int code, Instant at) {
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = pending(org, Address.sms("+31612000070"), Map.of(), at.minusSeconds(2));
        accepted(org, id, sid, at.minusSeconds(1));
        reported(org, id, sid, status, DeliveryError.of(code, ""), at);
    }

    private List<MessageId> ids(MessageFilter filter) {
        return queries().page(filter, Optional.empty(), 100).stream().map(MessageSummary::id).toList();
    }

    private static MessageFilter withSidPrefix(OrganizationId org, String prefix) {
        return new MessageFilter(org, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(prefix), Optional.empty());
    }
}
