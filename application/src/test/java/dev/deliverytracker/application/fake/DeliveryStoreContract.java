package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.FailedMessages;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.ContentSid;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.Milestone;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Origin;
import dev.deliverytracker.domain.RetryPolicy;
import dev.deliverytracker.domain.Sender;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link MessageStore} and {@link DeliveryLog}, run against the in-memory fake and
 * against PostgreSQL, so the fake cannot drift from the truth. Each test makes its own SIDs, so the
 * tests share a database without seeing each other.
 */
public abstract class DeliveryStoreContract {

    protected static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    protected abstract MessageStore messages();

    protected abstract DeliveryLog log();

    protected abstract Outbox outbox();

    protected abstract FailedMessages failedMessages();

    /**
     * Test set-up and inspection that no port offers, so no production caller can lean on them:
     * a message stored without an outbox entry, read back by id or SID, and its history.
     */
    protected abstract Message stored(Message pending);

    protected abstract Optional<Message> reloaded(MessageId id);

    protected abstract Optional<Message> reloadedBySid(MessageSid sid);

    protected abstract List<DeliveryEvent> history(MessageId id);

    /** An organization that sends through {@code account}. */
    protected abstract OrganizationId organizationWith(AccountSid account);

    protected final AccountSid account = randomAccount();

    private OrganizationId organization;

    /** The organization of this test, sending through {@link #account}. */
    protected OrganizationId organization() {
        if (organization == null) {
            organization = organizationWith(account);
        }
        return organization;
    }

    @Test
    void a_callback_for_a_message_another_application_sent_is_adopted_once_with_what_was_kept_of_it_before() {
        OrganizationId org = organization();
        MessageSid sid = randomSid();
        Map<String, List<String>> payload = Map.of("To", List.of("+31612345678"), "From", List.of("+15005550006"));
        // Kept unmatched first (the organization did not adopt yet), then adopted with its next callback.
        assertThat(log().append(new ReportedEvent(event(sid, "sent", T0), MessageLookup.bySid(), org, account, payload,
                "", AdoptionPolicy.KEEP_UNMATCHED))).isInstanceOf(RecordOutcome.Unmatched.class);

        RecordOutcome adopted = log().append(new ReportedEvent(event(sid, "delivered", T0.plusSeconds(2)),
                MessageLookup.bySid(), org, account, payload, "", AdoptionPolicy.ADOPT));
        RecordOutcome again = log().append(new ReportedEvent(event(sid, "delivered", T0.plusSeconds(2)),
                MessageLookup.bySid(), org, account, payload, "", AdoptionPolicy.ADOPT));

        assertThat(adopted).isInstanceOf(RecordOutcome.Recorded.class);
        assertThat(again).isInstanceOf(RecordOutcome.Duplicate.class);
        Message message = reloadedBySid(sid).orElseThrow();
        assertThat(message.origin()).isEqualTo(Origin.EXTERNAL);
        assertThat(message.organization()).isEqualTo(org);
        assertThat(message.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(message.to()).isEqualTo(Address.sms("+31612345678"));
        assertThat(message.content()).isEqualTo(new MessageContent.Unknown());
        assertThat(history(message.id().orElseThrow())).extracting(DeliveryEvent::reportedStatus)
                .containsExactlyInAnyOrder("sent", "delivered");
        assertThat(reloaded(message.id().orElseThrow())).contains(message);
    }

    @Test
    void a_registration_and_the_callbacks_of_its_sid_end_in_one_message_whichever_comes_first() {
        OrganizationId org = organization();
        Map<String, List<String>> payload = Map.of("To", List.of("+31612345678"));
        MessageSid registeredFirst = randomSid();
        Message registered = log().register(registration(org, registeredFirst, Map.of("campaign", "spring")));
        log().append(new ReportedEvent(event(registeredFirst, "delivered", T0.plusSeconds(3)), MessageLookup.bySid(), org,
                account, payload, "", AdoptionPolicy.ADOPT));

        MessageSid callbackFirst = randomSid();
        log().append(new ReportedEvent(event(callbackFirst, "sent", T0.plusSeconds(1)), MessageLookup.bySid(), org,
                account, payload, "", AdoptionPolicy.ADOPT));
        Message adopted = reloadedBySid(callbackFirst).orElseThrow();
        Message merged = log().register(registration(org, callbackFirst, Map.of("order", "4711")));
        Message again = log().register(registration(org, callbackFirst, Map.of("order", "4711")));

        assertThat(reloadedBySid(registeredFirst).orElseThrow()).satisfies(message -> {
            assertThat(message.id()).isEqualTo(registered.id());
            assertThat(message.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(message.content()).isEqualTo(new MessageContent.Text("Sent by the shop"));
            assertThat(message.tags()).containsEntry("campaign", "spring");
        });
        assertThat(merged.id()).isEqualTo(adopted.id());
        assertThat(again.id()).isEqualTo(adopted.id());
        assertThat(reloadedBySid(callbackFirst).orElseThrow()).satisfies(message -> {
            assertThat(message.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(message.content()).isEqualTo(new MessageContent.Text("Sent by the shop"));
            assertThat(message.tags()).containsEntry("order", "4711");
            assertThat(message.origin()).isEqualTo(Origin.EXTERNAL);
        });
    }

    @Test
    void a_registration_never_takes_a_sid_sent_through_the_tracker_or_another_organizations() {
        Message ours = acceptedMessage();
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() ->
                log().register(registration(organization(), ours.sid().orElseThrow(), Map.of())))
                .withMessageContaining("sent through the tracker");

        MessageSid theirs = randomSid();
        log().register(registration(organization(), theirs, Map.of()));
        OrganizationId other = organizationWith(randomAccount());
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() ->
                log().register(registration(other, theirs, Map.of())))
                .withMessageContaining("another organization");
    }

    private static Message registration(OrganizationId org, MessageSid sid, Map<String, String> tags) {
        return Message.registered(org, Address.sms("+31612345678"), new Sender.Number(Address.sms("+15005550006")), sid,
                new MessageContent.Text("Sent by the shop"), tags, T0);
    }

    @Test
    void a_callback_for_a_message_another_application_sent_is_not_kept_when_its_organization_refuses() {
        OrganizationId org = organization();
        MessageSid sid = randomSid();

        RecordOutcome outcome = log().append(new ReportedEvent(event(sid, "sent", T0), MessageLookup.bySid(), org,
                account, Map.of("To", List.of("+31612345678")), "", AdoptionPolicy.REFUSE));

        assertThat(outcome).isEqualTo(new RecordOutcome.NotTracked(sid, DeliveryStatus.SENT));
        assertThat(reloadedBySid(sid)).isEmpty();
    }

    @Test
    void a_stored_message_reads_back_as_it_was_with_an_id() {
        OrganizationId org = organization();
        Message stored = stored(pending(org));
        assertThat(stored.id()).isPresent();
        assertThat(reloaded(stored.id().get())).contains(stored);
        assertThat(messages().find(org, stored.id().get())).contains(stored);
    }

    @Test
    void another_organization_does_not_find_the_message() {
        OrganizationId org = organization();
        OrganizationId other = organizationWith(randomAccount());
        Message stored = stored(pending(org));
        assertThat(messages().find(other, stored.id().get())).isEmpty();
    }

    @Test
    void an_event_moves_the_status_and_sets_its_milestone() {
        Message message = acceptedMessage();
        MessageSid sid = message.sid().get();
        RecordOutcome outcome = log().append(bySid(event(sid, "delivered", T0.plusSeconds(5))));
        assertThat(outcome).isEqualTo(new RecordOutcome.Recorded(message.id().get(), sid, DeliveryStatus.DELIVERED,
                DeliveryStatus.DELIVERED));
        Message reloaded = reloadedBySid(sid).orElseThrow();
        assertThat(reloaded.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(reloaded.milestones().at(Milestone.DELIVERED)).contains(T0.plusSeconds(5));
    }

    @Test
    void duplicate_callback_is_absorbed() {
        Message message = acceptedMessage();
        MessageSid sid = message.sid().get();
        log().append(bySid(event(sid, "sent", T0)));
        RecordOutcome again = log().append(bySid(event(sid, "sent", T0.plusSeconds(9))));
        assertThat(again).isInstanceOf(RecordOutcome.Duplicate.class);
        assertThat(history(message.id().get())).extracting(DeliveryEvent::reportedStatus)
                .containsExactly("queued", "sent");
    }

    @Test
    void a_late_sent_never_overwrites_delivered() {
        Message message = acceptedMessage();
        MessageSid sid = message.sid().get();
        log().append(bySid(event(sid, "delivered", T0.plusSeconds(5))));
        RecordOutcome late = log().append(bySid(event(sid, "sent", T0.plusSeconds(6))));
        assertThat(late).isEqualTo(new RecordOutcome.Recorded(message.id().get(), sid, DeliveryStatus.SENT,
                DeliveryStatus.DELIVERED));
        assertThat(reloadedBySid(sid).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void a_failure_keeps_its_error_code() {
        Message message = acceptedMessage();
        MessageSid sid = message.sid().get();
        log().append(bySid(new DeliveryEvent(sid, "undelivered", DeliveryError.of(30003, "Unreachable"),
                EventSource.CALLBACK, T0)));
        Message failed = reloadedBySid(sid).orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.UNDELIVERED);
        assertThat(failed.error()).isEqualTo(DeliveryError.of(30003, "Unreachable"));
    }

    @Test
    void a_callback_before_the_sid_is_stored_is_kept_and_attached_when_it_is() {
        OrganizationId org = organization();
        Message message = stored(pending(org));
        MessageSid sid = randomSid();
        RecordOutcome early = log().append(bySid(event(sid, "sent", T0.plusSeconds(2))));
        assertThat(early).isEqualTo(new RecordOutcome.Unmatched(sid, DeliveryStatus.SENT));

        Message accepted = log().accepted(message.id().get(), DeliveryEvent.of(sid, DeliveryStatus.QUEUED,
                DeliveryError.NONE, EventSource.SEND_RESPONSE, T0.plusSeconds(3)));
        assertThat(accepted.sid()).contains(sid);
        assertThat(accepted.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(reloaded(message.id().get())).contains(accepted);
        assertThat(history(message.id().get())).extracting(DeliveryEvent::reportedStatus)
                .containsExactlyInAnyOrder("queued", "sent");
    }

    @Test
    void our_message_id_finds_the_message_before_its_sid_is_stored() {
        OrganizationId org = organization();
        Message message = stored(pending(org));
        MessageSid sid = randomSid();
        RecordOutcome outcome = log().append(new ReportedEvent(event(sid, "sent", T0),
                MessageLookup.byId(message.id().get()), organization(), account, Map.of(), ""));
        assertThat(outcome).isEqualTo(new RecordOutcome.Recorded(message.id().get(), sid, DeliveryStatus.SENT,
                DeliveryStatus.SENT));
        Message accepted = log().accepted(message.id().get(), DeliveryEvent.of(sid, DeliveryStatus.QUEUED,
                DeliveryError.NONE, EventSource.SEND_RESPONSE, T0.plusSeconds(1)));
        assertThat(accepted.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(accepted.attempts()).isEqualTo(1);
    }

    @Test
    void an_id_that_does_not_match_falls_back_to_the_sid() {
        Message message = acceptedMessage();
        RecordOutcome outcome = log().append(new ReportedEvent(event(message.sid().get(), "sent", T0),
                MessageLookup.byId(MessageId.of(Long.MAX_VALUE - 7)), organization(), account, Map.of(), ""));
        assertThat(outcome).isInstanceOf(RecordOutcome.Recorded.class);
    }

    @Test
    void a_callback_from_another_organizations_account_never_touches_this_organizations_message() {
        Message message = acceptedMessage();
        AccountSid otherAccount = randomAccount();
        OrganizationId other = organizationWith(otherAccount);
        DeliveryEvent forged = event(message.sid().get(), "failed", T0);

        RecordOutcome bySid = log().append(new ReportedEvent(forged, MessageLookup.bySid(), other, otherAccount,
                Map.of(), ""));
        RecordOutcome byId = log().append(new ReportedEvent(event(message.sid().get(), "undelivered", T0),
                MessageLookup.byId(message.id().get()), other, otherAccount, Map.of(), ""));

        assertThat(bySid).isInstanceOf(RecordOutcome.Unmatched.class);
        assertThat(byId).isInstanceOf(RecordOutcome.Unmatched.class);
        assertThat(reloaded(message.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);
    }

    @Test
    void an_unmatched_event_from_another_organization_is_not_attached_to_this_message() {
        Message message = stored(pending(organization()));
        MessageSid sid = randomSid();
        AccountSid otherAccount = randomAccount();
        log().append(new ReportedEvent(event(sid, "failed", T0), MessageLookup.bySid(),
                organizationWith(otherAccount), otherAccount, Map.of(), ""));

        Message accepted = log().accepted(message.id().get(), DeliveryEvent.of(sid, DeliveryStatus.QUEUED,
                DeliveryError.NONE, EventSource.SEND_RESPONSE, T0.plusSeconds(1)));

        assertThat(accepted.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(history(message.id().get())).extracting(DeliveryEvent::reportedStatus)
                .containsExactly("queued");
    }

    @Test
    void an_enqueued_message_is_stored_pending_and_due() {
        Outbox.Enqueued enqueued = outbox().enqueue(pending(organization()), "fingerprint-1", T0);
        assertThat(enqueued.created()).isTrue();
        assertThat(enqueued.message().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(reloaded(enqueued.message().id().get())).contains(enqueued.message());
        assertThat(claimedIds(T0, Duration.ofMinutes(1))).contains(enqueued.message().id().get());
    }

    @Test
    void an_enqueued_template_keeps_its_sender_variables_tags_and_key() {
        Message template = Message.pending(organization(), Address.whatsapp("+31612345678"),
                new Sender.Service(MessagingServiceSid.of("MG" + "a".repeat(32))),
                new MessageContent.Template(ContentSid.of("HX" + "b".repeat(32)), Map.of("1", "Ada", "2", "it's \"12:00\"")),
                Map.of("campaign", "winter", "team", "ops"), Optional.of("order-7"), T0);

        Outbox.Enqueued enqueued = outbox().enqueue(template, "fingerprint-t", T0);

        assertThat(enqueued.message()).isEqualTo(template.withId(enqueued.message().id().get()));
        assertThat(reloaded(enqueued.message().id().get())).contains(enqueued.message());
    }

    @Test
    void the_same_idempotency_key_answers_the_first_message_and_its_fingerprint() {
        Message first = pending(organization());
        Outbox.Enqueued original = outbox().enqueue(first, "fingerprint-a", T0);
        Message again = Message.pending(organization(), first.to(), first.sender(), first.content(), first.tags(),
                first.idempotencyKey(), T0.plusSeconds(5));
        Outbox.Enqueued repeated = outbox().enqueue(again, "fingerprint-b", T0.plusSeconds(5));
        assertThat(repeated.created()).isFalse();
        assertThat(repeated.message().id()).isEqualTo(original.message().id());
        assertThat(repeated.requestFingerprint()).isEqualTo("fingerprint-a");
    }

    @Test
    void the_same_idempotency_key_in_another_organization_is_another_message() {
        Message first = pending(organization());
        outbox().enqueue(first, "fingerprint-a", T0);
        Message elsewhere = Message.pending(organizationWith(randomAccount()), first.to(), first.sender(),
                first.content(), first.tags(), first.idempotencyKey(), T0);
        assertThat(outbox().enqueue(elsewhere, "fingerprint-a", T0).created()).isTrue();
    }

    @Test
    void a_claim_is_exclusive_until_its_lease_expires_and_then_the_entry_is_in_doubt() {
        MessageId id = outbox().enqueue(pending(organization()), "f", T0).message().id().get();
        assertThat(claimedIds(T0, Duration.ofMinutes(1))).contains(id);
        assertThat(claimedIds(T0.plusSeconds(30), Duration.ofMinutes(1))).doesNotContain(id);

        Outbox.Claim again = claims(T0.plusSeconds(61), Duration.ofMinutes(1)).stream()
                .filter(claim -> claim.message().id().get().equals(id)).findFirst().orElseThrow();
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.inDoubt()).isTrue();
        assertThat(again.firstAttemptAt()).isEqualTo(T0);
    }

    @Test
    void an_entry_is_not_claimed_before_it_is_due() {
        MessageId id = outbox().enqueue(pending(organization()), "f", T0.plusSeconds(60)).message().id().get();
        assertThat(claimedIds(T0, Duration.ofMinutes(1))).doesNotContain(id);
        assertThat(claimedIds(T0.plusSeconds(60), Duration.ofMinutes(1))).contains(id);
    }

    @Test
    void retry_later_releases_the_claim_until_the_new_due_time() {
        MessageId id = outbox().enqueue(pending(organization()), "f", T0).message().id().get();
        claimedIds(T0, Duration.ofMinutes(5));
        outbox().retryLater(id, T0.plusSeconds(10), "429 too many requests", false);
        assertThat(claimedIds(T0.plusSeconds(5), Duration.ofMinutes(5))).doesNotContain(id);
        Outbox.Claim retry = claims(T0.plusSeconds(10), Duration.ofMinutes(5)).stream()
                .filter(claim -> claim.message().id().get().equals(id)).findFirst().orElseThrow();
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(retry.inDoubt()).isFalse();
    }

    @Test
    void a_paced_entry_waits_visibly_for_its_place_without_using_an_attempt() {
        MessageId id = outbox().enqueue(pending(organization()), "f", T0).message().id().get();
        claimedIds(T0, Duration.ofMinutes(5));
        outbox().pace(id, T0.plusSeconds(10));
        assertThat(outbox().pacedUntil(id)).contains(T0.plusSeconds(10));
        assertThat(claimedIds(T0.plusSeconds(5), Duration.ofMinutes(5))).doesNotContain(id);

        Outbox.Claim due = claims(T0.plusSeconds(10), Duration.ofMinutes(5)).stream()
                .filter(claim -> claim.message().id().get().equals(id)).findFirst().orElseThrow();
        assertThat(due.paced()).isTrue();
        assertThat(due.attempt()).isEqualTo(1);
        assertThat(due.inDoubt()).isFalse();

        outbox().retryLater(id, T0.plusSeconds(20), "429 too many requests", false);
        assertThat(outbox().pacedUntil(id)).as("a new attempt books a new place").isEmpty();
        Outbox.Claim retry = claims(T0.plusSeconds(20), Duration.ofMinutes(5)).stream()
                .filter(claim -> claim.message().id().get().equals(id)).findFirst().orElseThrow();
        assertThat(retry.paced()).isFalse();
    }

    @Test
    void a_held_entry_comes_back_when_its_time_comes_without_using_an_attempt() {
        MessageId id = outbox().enqueue(pending(organization()), "f", T0).message().id().get();
        claimedIds(T0, Duration.ofMinutes(5));
        outbox().hold(id, T0.plusSeconds(30), "organization disabled");
        assertThat(claimedIds(T0.plusSeconds(29), Duration.ofMinutes(5))).doesNotContain(id);

        Outbox.Claim again = claims(T0.plusSeconds(30), Duration.ofMinutes(5)).stream()
                .filter(claim -> claim.message().id().get().equals(id)).findFirst().orElseThrow();
        assertThat(again.attempt()).isEqualTo(1);
        assertThat(again.inDoubt()).isFalse();
        assertThat(again.paced()).isFalse();
    }

    @Test
    void an_accepted_message_leaves_the_outbox() {
        MessageId id = outbox().enqueue(pending(organization()), "f", T0).message().id().get();
        claimedIds(T0, Duration.ofSeconds(1));
        log().accepted(id, DeliveryEvent.of(randomSid(), DeliveryStatus.QUEUED, DeliveryError.NONE,
                EventSource.SEND_RESPONSE, T0));
        assertThat(claimedIds(T0.plusSeconds(60), Duration.ofSeconds(1))).doesNotContain(id);
    }

    @Test
    void a_failed_send_fails_the_message_and_leaves_the_outbox() {
        MessageId id = outbox().enqueue(pending(organization()), "f", T0).message().id().get();
        Message failed = log().sendFailed(id, DeliveryError.of(21610, "Attempt to send to unsubscribed recipient"),
                T0.plusSeconds(1));
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(reloaded(id).orElseThrow().error().code()).isEqualTo(21610);
        assertThat(claimedIds(T0.plusSeconds(60), Duration.ofSeconds(1))).doesNotContain(id);
    }

    @Test
    void a_retried_failure_starts_a_new_attempt_that_decides_the_status() {
        Message first = acceptedMessage();
        MessageId id = first.id().get();
        log().append(bySid(new DeliveryEvent(first.sid().get(), "undelivered", DeliveryError.of(30003, ""),
                EventSource.CALLBACK, T0)));

        Message again = outbox().retry(id, T0.plusSeconds(60)).orElseThrow();
        assertThat(again.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(again.sid()).isEmpty();
        assertThat(claimedIds(T0.plusSeconds(60), Duration.ofMinutes(1))).contains(id);

        MessageSid second = randomSid();
        Message accepted = log().accepted(id, DeliveryEvent.of(second, DeliveryStatus.QUEUED, DeliveryError.NONE,
                EventSource.SEND_RESPONSE, T0.plusSeconds(61)));
        assertThat(accepted.attempts()).isEqualTo(2);
        assertThat(accepted.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(accepted.error()).isEqualTo(DeliveryError.NONE);
        log().append(bySid(event(second, "delivered", T0.plusSeconds(70))));
        assertThat(reloaded(id).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(history(id)).extracting(DeliveryEvent::reportedStatus)
                .containsExactlyInAnyOrder("queued", "undelivered", "queued", "delivered");
    }

    @Test
    void a_late_report_on_an_earlier_attempt_is_kept_but_does_not_decide_the_status() {
        Message first = acceptedMessage();
        MessageId id = first.id().get();
        log().append(bySid(new DeliveryEvent(first.sid().get(), "failed", DeliveryError.of(30008, ""),
                EventSource.CALLBACK, T0)));
        outbox().retry(id, T0);
        log().accepted(id, DeliveryEvent.of(randomSid(), DeliveryStatus.QUEUED, DeliveryError.NONE,
                EventSource.SEND_RESPONSE, T0.plusSeconds(1)));

        RecordOutcome late = log().append(bySid(event(first.sid().get(), "delivered", T0.plusSeconds(2))));

        assertThat(late).isEqualTo(new RecordOutcome.Recorded(id, first.sid().get(), DeliveryStatus.DELIVERED,
                DeliveryStatus.QUEUED));
        assertThat(reloaded(id).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(history(id)).extracting(DeliveryEvent::reportedStatus).contains("delivered");
    }

    @Test
    void a_sid_held_by_another_message_or_by_an_earlier_attempt_is_taken_elsewhere() {
        Message first = acceptedMessage();
        Message other = acceptedMessage();
        assertThat(messages().sidTakenElsewhere(first.sid().get(), other.id().get())).isTrue();
        assertThat(messages().sidTakenElsewhere(first.sid().get(), first.id().get())).isFalse();
        assertThat(messages().sidTakenElsewhere(randomSid(), first.id().get())).isFalse();

        log().append(bySid(new DeliveryEvent(first.sid().get(), "failed", DeliveryError.of(30008, ""),
                EventSource.CALLBACK, T0)));
        outbox().retry(first.id().get(), T0);
        assertThat(reloadedBySid(first.sid().get())).isEmpty();
        assertThat(messages().sidTakenElsewhere(first.sid().get(), first.id().get())).isTrue();
    }

    @Test
    void only_a_failed_message_can_be_retried() {
        Message message = acceptedMessage();
        assertThat(outbox().retry(message.id().get(), T0)).isEmpty();
        assertThat(reloaded(message.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.QUEUED);
    }

    @Test
    void failed_messages_are_found_by_error_code_and_organization() {
        Message unreachable = acceptedMessage();
        log().append(bySid(new DeliveryEvent(unreachable.sid().get(), "undelivered", DeliveryError.of(30003, ""),
                EventSource.CALLBACK, T0)));
        Message filtered = acceptedMessage();
        log().append(bySid(new DeliveryEvent(filtered.sid().get(), "failed", DeliveryError.of(30007, ""),
                EventSource.CALLBACK, T0)));

        RetryPolicy defaults = RetryPolicy.defaults();
        assertThat(failedMessages().retryCandidates(Set.of(30003), T0.plusSeconds(1), defaults, 10000))
                .extracting(message -> message.id().get()).contains(unreachable.id().get())
                .doesNotContain(filtered.id().get());
        assertThat(failedMessages().retryCandidates(Set.of(30003), T0.minusSeconds(1), defaults, 10000))
                .extracting(message -> message.id().get()).doesNotContain(unreachable.id().get());
        RetryPolicy onlyOneTry = new RetryPolicy(true, 1, java.time.Duration.ZERO, java.time.Duration.ZERO);
        assertThat(failedMessages().retryCandidates(Set.of(30003), T0.plusSeconds(1), onlyOneTry, 10000))
                .as("attempts used up").extracting(message -> message.id().get())
                .doesNotContain(unreachable.id().get());
        assertThat(failedMessages().ofOrganization(organization(), 0, T0.minusSeconds(1), 10))
                .extracting(message -> message.id().get())
                .containsExactlyInAnyOrder(unreachable.id().get(), filtered.id().get());
        assertThat(failedMessages().ofOrganization(organization(), 30007, T0.minusSeconds(1), 10))
                .extracting(message -> message.id().get()).containsExactly(filtered.id().get());
    }

    /** Claims due entries at {@code now}; other tests' leftovers may come along, so callers look for their own. */
    protected List<Outbox.Claim> claims(Instant now, Duration lease) {
        return outbox().claimDue(1000, now, lease);
    }

    protected List<MessageId> claimedIds(Instant now, Duration lease) {
        return claims(now, lease).stream().map(claim -> claim.message().id().get()).toList();
    }

    protected Message acceptedMessage() {
        OrganizationId org = organization();
        Message message = stored(pending(org));
        return log().accepted(message.id().get(), DeliveryEvent.of(randomSid(), DeliveryStatus.QUEUED,
                DeliveryError.NONE, EventSource.SEND_RESPONSE, T0.minusSeconds(1)));
    }

    protected ReportedEvent bySid(DeliveryEvent event) {
        return new ReportedEvent(event, MessageLookup.bySid(), organization(), account,
                Map.of("MessageSid", List.of(event.sid().value()), "MessageStatus", List.of(event.reportedStatus())),
                "");
    }

    protected static DeliveryEvent event(MessageSid sid, String status, Instant at) {
        return new DeliveryEvent(sid, status, DeliveryError.NONE, EventSource.CALLBACK, at);
    }

    protected static Message pending(OrganizationId org) {
        return Message.pending(org, Address.whatsapp("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("Your parcel arrives today"), Map.of("campaign", "parcel"),
                Optional.of("key-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE)),
                T0.truncatedTo(ChronoUnit.MICROS));
    }

    public static MessageSid randomSid() {
        return MessageSid.of("SM" + randomHex());
    }

    public static AccountSid randomAccount() {
        return AccountSid.of("AC" + randomHex());
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
