package dev.deliverytracker.application.service.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.out.LockedMessages;
import dev.deliverytracker.application.port.out.LogEntry;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.UnmatchedEvent;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.Milestone;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Origin;
import dev.deliverytracker.domain.Sender;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What an event means, decided without any store: plain facts in, decisions out. */
class EventAttributionTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final OrganizationId ORG = OrganizationId.of(1);
    private static final OrganizationId OTHER_ORG = OrganizationId.of(2);
    private static final AccountSid ACCOUNT = AccountSid.of("AC" + "1".repeat(32));
    private static final AccountSid OTHER_ACCOUNT = AccountSid.of("AC" + "2".repeat(32));
    private static final MessageSid SID = MessageSid.of("SM" + "a".repeat(32));
    private static final MessageSid SECOND_SID = MessageSid.of("SM" + "b".repeat(32));
    private static final MessageSid UNKNOWN_SID = MessageSid.of("SM" + "c".repeat(32));

    private final Message pending = pending(MessageId.of(10), ORG);
    private final Message queued = pending(MessageId.of(11), ORG).acceptedAs(SID)
            .apply(event(SID, "queued", T0.minusSeconds(1)));

    @Nested
    class which_message_an_event_belongs_to {

        @Test
        void the_sid_finds_the_message_and_the_event_moves_its_status() {
            Decided decided = decide(List.of(bySid(event(SID, "delivered", T0))), locked(queued));

            assertThat(decided.outcomes()).containsExactly(new RecordOutcome.Recorded(queued.id().get(), SID,
                    DeliveryStatus.DELIVERED, DeliveryStatus.DELIVERED));
            Message moved = decided.only();
            assertThat(moved.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(moved.milestones().at(Milestone.DELIVERED)).contains(T0);
            assertThat(decided.log()).containsExactly(LogEntry.of(bySid(event(SID, "delivered", T0)), ORG,
                    queued.id()));
        }

        @Test
        void our_id_finds_the_message_before_its_sid_is_known_and_the_message_learns_the_sid() {
            ReportedEvent early = byId(pending.id().get(), event(SID, "sent", T0));

            Decided decided = decide(List.of(early), locked(pending));

            assertThat(decided.outcomes()).containsExactly(new RecordOutcome.Recorded(pending.id().get(), SID,
                    DeliveryStatus.SENT, DeliveryStatus.SENT));
            assertThat(decided.only().sid()).contains(SID);
            assertThat(decided.only().attempts()).isEqualTo(1);
        }

        @Test
        void a_callback_that_outran_the_send_answer_lets_later_events_of_the_batch_find_the_message_by_sid() {
            List<ReportedEvent> batch = List.of(byId(pending.id().get(), event(SID, "sent", T0)),
                    bySid(event(SID, "delivered", T0.plusSeconds(1))));

            Decided decided = decide(batch, locked(pending));

            assertThat(decided.outcomes()).allMatch(RecordOutcome.Recorded.class::isInstance);
            assertThat(decided.changed()).hasSize(1);
            assertThat(decided.only().status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(decided.only().attempts()).as("one attempt, learnt once").isEqualTo(1);
        }

        @Test
        void an_id_whose_message_has_another_sid_falls_back_to_the_sid() {
            Message other = pending(MessageId.of(12), ORG).acceptedAs(SECOND_SID);
            ReportedEvent reported = byId(other.id().get(), event(SID, "sent", T0));

            Decided decided = decide(List.of(reported), locked(other, queued));

            assertThat(decided.outcomes()).containsExactly(new RecordOutcome.Recorded(queued.id().get(), SID,
                    DeliveryStatus.SENT, DeliveryStatus.SENT));
        }

        @Test
        void an_event_no_message_claims_is_unmatched_and_kept_in_the_reporting_organizations_log() {
            ReportedEvent reported = bySid(event(UNKNOWN_SID, "sent", T0));

            Decided decided = decide(List.of(reported), locked(queued));

            assertThat(decided.outcomes()).containsExactly(new RecordOutcome.Unmatched(UNKNOWN_SID,
                    DeliveryStatus.SENT));
            assertThat(decided.changed()).isEmpty();
            assertThat(decided.log()).containsExactly(LogEntry.of(reported, ORG, Optional.empty()));
        }
    }

    @Nested
    class tenant_isolation {

        @Test
        void another_organizations_account_reporting_the_sid_does_not_touch_the_message() {
            ReportedEvent forged = new ReportedEvent(event(SID, "failed", T0), MessageLookup.bySid(), OTHER_ORG,
                    OTHER_ACCOUNT, Map.of(), "");

            Decided decided = decide(List.of(forged), locked(queued));

            assertThat(decided.outcomes()).containsExactly(new RecordOutcome.Unmatched(SID, DeliveryStatus.FAILED));
            assertThat(decided.changed()).isEmpty();
            assertThat(decided.log()).extracting(LogEntry::organization, LogEntry::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(OTHER_ORG, Optional.empty()));
        }

        @Test
        void another_organizations_account_naming_our_id_does_not_touch_the_message() {
            ReportedEvent forged = new ReportedEvent(event(SID, "failed", T0), MessageLookup.byId(pending.id().get()),
                    OTHER_ORG, OTHER_ACCOUNT, Map.of(), "");

            Decided decided = decide(List.of(forged), locked(pending));

            assertThat(decided.outcomes()).containsExactly(new RecordOutcome.Unmatched(SID, DeliveryStatus.FAILED));
            assertThat(decided.changed()).isEmpty();
        }

        @Test
        void another_organizations_report_on_an_earlier_attempt_is_unmatched() {
            Message retried = pending(MessageId.of(13), ORG).acceptedAs(SECOND_SID);
            ReportedEvent forged = new ReportedEvent(event(SID, "delivered", T0), MessageLookup.bySid(), OTHER_ORG,
                    OTHER_ACCOUNT, Map.of(), "");

            Decided decided = decide(List.of(forged),
                    new LockedMessages(List.of(retried), Map.of(SID, retried.id().get())));

            assertThat(decided.outcomes()).containsExactly(new RecordOutcome.Unmatched(SID,
                    DeliveryStatus.DELIVERED));
        }
    }

    @Nested
    class superseded_attempts {

        @Test
        void a_late_report_on_an_earlier_attempt_is_history_of_its_message_but_does_not_decide_the_status() {
            Message retried = pending(MessageId.of(13), ORG).acceptedAs(SECOND_SID)
                    .apply(event(SECOND_SID, "queued", T0));
            ReportedEvent late = bySid(event(SID, "delivered", T0.plusSeconds(2)));

            Decided decided = decide(List.of(late),
                    new LockedMessages(List.of(retried), Map.of(SID, retried.id().get())));

            assertThat(decided.outcomes()).containsExactly(new RecordOutcome.Recorded(retried.id().get(), SID,
                    DeliveryStatus.DELIVERED, DeliveryStatus.QUEUED));
            assertThat(decided.changed()).isEmpty();
            assertThat(decided.log()).containsExactly(LogEntry.of(late, ORG, retried.id()));
        }

        @Test
        void a_late_report_shows_the_status_the_latest_attempt_reached_in_the_same_batch() {
            Message retried = pending(MessageId.of(13), ORG).acceptedAs(SECOND_SID)
                    .apply(event(SECOND_SID, "queued", T0));
            List<ReportedEvent> batch = List.of(bySid(event(SECOND_SID, "sent", T0.plusSeconds(1))),
                    bySid(event(SID, "delivered", T0.plusSeconds(2))));

            Decided decided = decide(batch, new LockedMessages(List.of(retried), Map.of(SID, retried.id().get())));

            assertThat(decided.outcomes().get(1)).isEqualTo(new RecordOutcome.Recorded(retried.id().get(), SID,
                    DeliveryStatus.DELIVERED, DeliveryStatus.SENT));
            assertThat(decided.only().status()).isEqualTo(DeliveryStatus.SENT);
        }
    }

    @Nested
    class duplicates {

        @Test
        void a_report_the_log_already_had_is_a_duplicate_and_changes_nothing() {
            ReportedEvent again = bySid(event(SID, "queued", T0));

            EventAttribution attribution = EventAttribution.of(List.of(again), locked(queued));
            EventAttribution.Decisions decisions = attribution.decide(Set.of());

            assertThat(attribution.toLog()).hasSize(1);
            assertThat(decisions.outcomes()).containsExactly(new RecordOutcome.Duplicate(SID, DeliveryStatus.QUEUED));
            assertThat(decisions.changed()).isEmpty();
        }

        @Test
        void the_same_event_twice_in_one_batch_is_kept_once_and_recorded_once() {
            List<ReportedEvent> batch = List.of(bySid(event(SID, "read", T0)), bySid(event(SID, "read", T0.plusSeconds(1))));

            Decided decided = decide(batch, locked(queued));

            assertThat(decided.log()).hasSize(1);
            assertThat(decided.outcomes()).containsExactly(
                    new RecordOutcome.Recorded(queued.id().get(), SID, DeliveryStatus.READ, DeliveryStatus.READ),
                    new RecordOutcome.Duplicate(SID, DeliveryStatus.READ));
        }

        @Test
        void an_unmatched_report_the_log_already_had_is_a_duplicate() {
            EventAttribution attribution = EventAttribution.of(List.of(bySid(event(UNKNOWN_SID, "sent", T0))),
                    locked());

            assertThat(attribution.decide(Set.of()).outcomes())
                    .containsExactly(new RecordOutcome.Duplicate(UNKNOWN_SID, DeliveryStatus.SENT));
        }
    }

    @Nested
    class the_status_rule_applied_per_message {

        @Test
        void a_late_sent_never_overwrites_delivered() {
            List<ReportedEvent> batch = List.of(bySid(event(SID, "delivered", T0)),
                    bySid(event(SID, "sent", T0.plusSeconds(1))));

            Decided decided = decide(batch, locked(queued));

            assertThat(decided.outcomes().get(1)).isEqualTo(new RecordOutcome.Recorded(queued.id().get(), SID,
                    DeliveryStatus.SENT, DeliveryStatus.DELIVERED));
            assertThat(decided.only().status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(decided.only().milestones().at(Milestone.SENT)).contains(T0.plusSeconds(1));
        }

        @Test
        void a_failure_keeps_its_error() {
            DeliveryEvent undelivered = new DeliveryEvent(SID, "undelivered", DeliveryError.of(30003, "Unreachable"),
                    EventSource.CALLBACK, T0);

            Decided decided = decide(List.of(bySid(undelivered)), locked(queued));

            assertThat(decided.only().error()).isEqualTo(DeliveryError.of(30003, "Unreachable"));
        }

        @Test
        void each_message_of_a_batch_moves_on_its_own_events() {
            Message other = pending(MessageId.of(14), ORG).acceptedAs(SECOND_SID);
            List<ReportedEvent> batch = List.of(bySid(event(SID, "delivered", T0)),
                    bySid(event(SECOND_SID, "failed", T0)), bySid(event(SID, "read", T0.plusSeconds(1))));

            Decided decided = decide(batch, locked(queued, other));

            assertThat(decided.changed()).extracting(Message::id, Message::status).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(queued.id(), DeliveryStatus.READ),
                    org.assertj.core.groups.Tuple.tuple(other.id(), DeliveryStatus.FAILED));
        }
    }

    @Nested
    class twilios_answer_to_the_send {

        @Test
        void the_message_takes_the_sid_one_more_attempt_and_the_answered_status() {
            EventAttribution.Acceptance acceptance = EventAttribution.accept(pending, answer(SID), List.of());

            assertThat(acceptance.message().sid()).contains(SID);
            assertThat(acceptance.message().attempts()).isEqualTo(1);
            assertThat(acceptance.message().status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(acceptance.attached()).isEmpty();
        }

        @Test
        void callbacks_that_outran_the_answer_are_attached_and_decide_the_status() {
            UnmatchedEvent early = new UnmatchedEvent(event(SID, "delivered", T0), ORG);

            EventAttribution.Acceptance acceptance = EventAttribution.accept(pending, answer(SID), List.of(early));

            assertThat(acceptance.attached()).containsExactly(early);
            assertThat(acceptance.message().status()).isEqualTo(DeliveryStatus.DELIVERED);
        }

        @Test
        void another_organizations_early_report_of_the_sid_is_not_evidence() {
            UnmatchedEvent forged = new UnmatchedEvent(event(SID, "failed", T0), OTHER_ORG);

            EventAttribution.Acceptance acceptance = EventAttribution.accept(pending, answer(SID), List.of(forged));

            assertThat(acceptance.attached()).isEmpty();
            assertThat(acceptance.message().status()).isEqualTo(DeliveryStatus.QUEUED);
        }

        @Test
        void a_message_that_learnt_the_sid_from_an_early_callback_counts_the_attempt_once() {
            Message learnt = pending.acceptedAs(SID).apply(event(SID, "sent", T0));

            EventAttribution.Acceptance acceptance = EventAttribution.accept(learnt, answer(SID), List.of());

            assertThat(acceptance.message().attempts()).isEqualTo(1);
            assertThat(acceptance.message().status()).isEqualTo(DeliveryStatus.SENT);
        }
    }

    @Nested
    class a_message_another_application_sent {

        private final Map<String, List<String>> whatsappPayload = Map.of("To", List.of("whatsapp:+31612345678"),
                "From", List.of("whatsapp:+14155238886"), "MessagingServiceSid", List.of("MG" + "e".repeat(32)));

        @Test
        void is_adopted_from_its_first_callback_with_channel_addresses_and_history() {
            List<ReportedEvent> batch = List.of(
                    external(event(UNKNOWN_SID, "sent", T0), AdoptionPolicy.ADOPT),
                    external(event(UNKNOWN_SID, "delivered", T0.plusSeconds(1)), AdoptionPolicy.ADOPT));
            EventAttribution attribution = EventAttribution.of(batch, locked());

            assertThat(attribution.adoptions()).singleElement().satisfies(revealed -> {
                assertThat(revealed.origin()).isEqualTo(Origin.EXTERNAL);
                assertThat(revealed.sid()).contains(UNKNOWN_SID);
                assertThat(revealed.organization()).isEqualTo(ORG);
                assertThat(revealed.to()).isEqualTo(Address.whatsapp("+31612345678"));
                assertThat(revealed.sender()).isEqualTo(new Sender.Number(Address.whatsapp("+14155238886")));
                assertThat(revealed.content()).isEqualTo(new MessageContent.Unknown());
            });
            Message stored = attribution.adoptions().get(0).withId(MessageId.of(77));
            attribution.adopted(List.of(stored));
            List<LogEntry> log = attribution.toLog();
            EventAttribution.Decisions decisions = attribution.decide(
                    log.stream().map(LogEntry::dedupeKey).collect(Collectors.toSet()));

            assertThat(log).containsExactly(LogEntry.of(batch.get(0), ORG, Optional.of(MessageId.of(77))),
                    LogEntry.of(batch.get(1), ORG, Optional.of(MessageId.of(77))));
            assertThat(decisions.outcomes()).containsExactly(
                    new RecordOutcome.Recorded(MessageId.of(77), UNKNOWN_SID, DeliveryStatus.SENT, DeliveryStatus.SENT),
                    new RecordOutcome.Recorded(MessageId.of(77), UNKNOWN_SID, DeliveryStatus.DELIVERED,
                            DeliveryStatus.DELIVERED));
            assertThat(decisions.changed()).singleElement().satisfies(message -> {
                assertThat(message.id()).contains(MessageId.of(77));
                assertThat(message.status()).isEqualTo(DeliveryStatus.DELIVERED);
            });
        }

        @Test
        void is_kept_unmatched_when_its_organization_says_so() {
            Decided decided = decide(List.of(external(event(UNKNOWN_SID, "sent", T0), AdoptionPolicy.KEEP_UNMATCHED)),
                    locked());

            assertThat(decided.outcomes()).containsExactly(new RecordOutcome.Unmatched(UNKNOWN_SID, DeliveryStatus.SENT));
            assertThat(decided.log()).hasSize(1);
        }

        @Test
        void is_not_kept_at_all_when_its_organization_refuses() {
            Decided decided = decide(List.of(external(event(UNKNOWN_SID, "sent", T0), AdoptionPolicy.REFUSE)), locked());

            assertThat(decided.outcomes()).containsExactly(new RecordOutcome.NotTracked(UNKNOWN_SID, DeliveryStatus.SENT));
            assertThat(decided.log()).isEmpty();
            assertThat(decided.changed()).isEmpty();
        }

        @Test
        void a_callback_with_our_id_that_finds_nothing_stays_ours_and_is_not_adopted() {
            ReportedEvent ours = new ReportedEvent(event(UNKNOWN_SID, "sent", T0), MessageLookup.byId(MessageId.of(404)),
                    ORG, ACCOUNT, whatsappPayload, "", AdoptionPolicy.ADOPT);

            EventAttribution attribution = EventAttribution.of(List.of(ours), locked());

            assertThat(attribution.adoptions()).isEmpty();
        }

        @Test
        void a_known_message_is_never_adopted_twice() {
            Decided decided = decide(List.of(external(event(SID, "delivered", T0), AdoptionPolicy.ADOPT)), locked(queued));

            assertThat(decided.outcomes()).containsExactly(new RecordOutcome.Recorded(queued.id().get(), SID,
                    DeliveryStatus.DELIVERED, DeliveryStatus.DELIVERED));
        }

        @Test
        void a_callback_without_a_readable_recipient_reveals_no_message_and_is_kept_unmatched() {
            ReportedEvent unreadable = new ReportedEvent(event(UNKNOWN_SID, "sent", T0), MessageLookup.bySid(), ORG,
                    ACCOUNT, Map.of("From", List.of("+15005550006")), "", AdoptionPolicy.ADOPT);

            Decided decided = decide(List.of(unreadable), locked());

            assertThat(decided.outcomes()).containsExactly(new RecordOutcome.Unmatched(UNKNOWN_SID, DeliveryStatus.SENT));
        }

        @Test
        void what_was_kept_of_its_sid_before_becomes_its_history_but_only_its_own_organizations() {
            Message adopted = Message.adopted(ORG, Address.sms("+31612345678"), Sender.organizationDefault(),
                    UNKNOWN_SID, T0.plusSeconds(5)).withId(MessageId.of(78));
            UnmatchedEvent ownEarlier = new UnmatchedEvent(event(UNKNOWN_SID, "sent", T0), ORG);
            UnmatchedEvent foreign = new UnmatchedEvent(event(UNKNOWN_SID, "failed", T0), OTHER_ORG);

            EventAttribution.Acceptance revealed = EventAttribution.revealed(adopted, List.of(ownEarlier, foreign));

            assertThat(revealed.attached()).containsExactly(ownEarlier);
            assertThat(revealed.message().status()).isEqualTo(DeliveryStatus.SENT);
        }

        @Test
        void a_report_on_the_sid_of_a_message_a_customer_sent_adopts_nothing_and_is_kept_unmatched() {
            ReportedEvent reported = external(event(UNKNOWN_SID, "delivered", T0), AdoptionPolicy.ADOPT);
            LockedMessages facts = new LockedMessages(List.of(), Map.of(), Set.of(UNKNOWN_SID));

            EventAttribution attribution = EventAttribution.of(List.of(reported), facts);
            Decided decided = decide(List.of(reported), facts);

            assertThat(attribution.adoptions()).isEmpty();
            assertThat(decided.outcomes()).containsExactly(new RecordOutcome.Unmatched(UNKNOWN_SID,
                    DeliveryStatus.DELIVERED));
            assertThat(decided.changed()).isEmpty();
            assertThat(decided.log()).containsExactly(LogEntry.of(reported, ORG, Optional.empty()));
            assertThat(EventAttribution.of(List.of(reported), locked()).adoptions())
                    .as("the same report on a SID no message holds").hasSize(1);
        }

        private ReportedEvent external(DeliveryEvent event, AdoptionPolicy policy) {
            return new ReportedEvent(event, MessageLookup.bySid(), ORG, ACCOUNT, whatsappPayload, "", policy);
        }
    }

    private record Decided(List<LogEntry> log, List<RecordOutcome> outcomes, List<Message> changed) {

        Message only() {
            assertThat(changed).hasSize(1);
            return changed.get(0);
        }
    }

    /** Attributes the batch, as a store would find every kept entry new. */
    private static Decided decide(List<ReportedEvent> batch, LockedMessages locked) {
        EventAttribution attribution = EventAttribution.of(batch, locked);
        List<LogEntry> log = attribution.toLog();
        EventAttribution.Decisions decisions = attribution.decide(
                log.stream().map(LogEntry::dedupeKey).collect(Collectors.toSet()));
        return new Decided(log, decisions.outcomes(), decisions.changed());
    }

    private static LockedMessages locked(Message... messages) {
        return new LockedMessages(List.of(messages), Map.of());
    }

    private static ReportedEvent bySid(DeliveryEvent event) {
        return new ReportedEvent(event, MessageLookup.bySid(), ORG, ACCOUNT, Map.of(), "");
    }

    private static ReportedEvent byId(MessageId id, DeliveryEvent event) {
        return new ReportedEvent(event, MessageLookup.byId(id), ORG, ACCOUNT, Map.of(), "");
    }

    private static DeliveryEvent event(MessageSid sid, String status, Instant at) {
        return new DeliveryEvent(sid, status, DeliveryError.NONE, EventSource.CALLBACK, at);
    }

    private static DeliveryEvent answer(MessageSid sid) {
        return DeliveryEvent.of(sid, DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, T0);
    }

    private static Message pending(MessageId id, OrganizationId organization) {
        return Message.pending(organization, Address.whatsapp("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("Your parcel arrives today"), Map.of(), Optional.empty(), T0).withId(id);
    }
}
