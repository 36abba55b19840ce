package dev.deliverytracker.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message we were asked to send, or one another application sent and we adopted from its
 * callbacks ({@link #origin()}), and what we know of its delivery. Immutable: every change answers a
 * new message, so a store can compare what it read with what it writes.
 */
public final class Message {

    private final MessageId id;
    private final OrganizationId organization;
    private final Address to;
    private final Sender sender;
    private final MessageContent content;
    private final Map<String, String> tags;
    private final String idempotencyKey;
    private final MessageSid sid;
    private final DeliveryStatus status;
    private final DeliveryError error;
    private final Milestones milestones;
    private final int attempts;
    private final Instant createdAt;
    private final Origin origin;

    private Message(MessageId id, OrganizationId organization, Address to, Sender sender, MessageContent content,
            Map<String, String> tags, String idempotencyKey, MessageSid sid, DeliveryStatus status,
            DeliveryError error, Milestones milestones, int attempts, Instant createdAt, Origin origin) {
        this.id = id;
        this.origin = Objects.requireNonNull(origin, "origin");
        if (origin == Origin.API && content instanceof MessageContent.Unknown) {
            throw new IllegalArgumentException("a message sent through the API has a body or a template");
        }
        this.organization = Objects.requireNonNull(organization, "organization");
        this.to = Objects.requireNonNull(to, "to");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.content = Objects.requireNonNull(content, "content");
        this.tags = Map.copyOf(tags);
        this.idempotencyKey = idempotencyKey;
        this.sid = sid;
        this.status = Objects.requireNonNull(status, "status");
        this.error = Objects.requireNonNull(error, "error");
        this.milestones = Objects.requireNonNull(milestones, "milestones");
        this.attempts = attempts;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        if (sender instanceof Sender.Number number && number.address().channel() != to.channel()) {
            throw new IllegalArgumentException("sender " + number.address() + " is on channel "
                    + number.address().channel().wireName() + " but the recipient is on " + to.channel().wireName());
        }
    }

    /** A message accepted by this service and not yet handed to Twilio. */
    public static Message pending(OrganizationId organization, Address to, Sender sender, MessageContent content,
            Map<String, String> tags, Optional<String> idempotencyKey, Instant now) {
        return new Message(null, organization, to, sender, content, tags, idempotencyKey.orElse(null), null,
                DeliveryStatus.PENDING, DeliveryError.NONE, Milestones.none(), 0, now, Origin.API);
    }

    /**
     * A message another application sent on one of the organization's accounts, first seen in a signed
     * callback for {@code sid}: tracked from that event on, its content not known.
     */
    public static Message adopted(OrganizationId organization, Address to, Sender sender, MessageSid sid,
            Instant firstSeen) {
        return new Message(null, organization, to, sender, new MessageContent.Unknown(), Map.of(), null,
                Objects.requireNonNull(sid, "sid"), DeliveryStatus.PENDING, DeliveryError.NONE, Milestones.none(), 1,
                firstSeen, Origin.EXTERNAL);
    }

    /**
     * A message another application sent, registered by that application with what only it knows:
     * what it said and its tags. Its SID names it; callbacks may have revealed it already.
     */
    public static Message registered(OrganizationId organization, Address to, Sender sender, MessageSid sid,
            MessageContent content, Map<String, String> tags, Instant sentAt) {
        if (content instanceof MessageContent.Unknown) {
            throw new IllegalArgumentException("a registration says what the message said: a body or a template");
        }
        return new Message(null, organization, to, sender, content, tags, null, Objects.requireNonNull(sid, "sid"),
                DeliveryStatus.PENDING, DeliveryError.NONE, Milestones.none(), 1, sentAt, Origin.EXTERNAL);
    }

    /**
     * What the sender of a message another application sent registered: its content and tags join
     * what the callbacks told; the delivery state stays as the callbacks decided it.
     */
    public Message describedBy(Message registration) {
        if (origin != Origin.EXTERNAL) {
            throw new IllegalStateException("message " + id + " was sent through the tracker; it is not registered");
        }
        java.util.Map<String, String> mergedTags = new java.util.HashMap<>(tags);
        mergedTags.putAll(registration.tags());
        Instant firstKnown = registration.createdAt().isBefore(createdAt) ? registration.createdAt() : createdAt;
        return new Message(id, organization, to, sender, registration.content(), mergedTags, idempotencyKey, sid,
                status, error, milestones, attempts, firstKnown, origin);
    }

    /** A message as a store kept it; {@code sid} and {@code idempotencyKey} may be absent (null). */
    public static Message restore(MessageId id, OrganizationId organization, Address to, Sender sender,
            MessageContent content, Map<String, String> tags, String idempotencyKey, MessageSid sid,
            DeliveryStatus status, DeliveryError error, Milestones milestones, int attempts, Instant createdAt,
            Origin origin) {
        return new Message(Objects.requireNonNull(id, "id"), organization, to, sender, content, tags,
                idempotencyKey, sid, status, error, milestones, attempts, createdAt, origin);
    }

    public Message withId(MessageId newId) {
        return new Message(newId, organization, to, sender, content, tags, idempotencyKey, sid, status, error,
                milestones, attempts, createdAt, origin);
    }

    /** Twilio accepted the message under {@code twilioSid}; one more attempt was made. */
    public Message acceptedAs(MessageSid twilioSid) {
        return new Message(id, organization, to, sender, content, tags, idempotencyKey, twilioSid, status, error,
                milestones, attempts + 1, createdAt, origin);
    }

    /**
     * Takes one more event into account. The status moves only forward by precedence; the error shown
     * is the one of the event that decided the status; each milestone keeps its earliest time.
     */
    public Message apply(DeliveryEvent event) {
        DeliveryStatus reported = event.status();
        DeliveryStatus next = status.after(reported);
        DeliveryError nextError;
        if (reported != next) {
            nextError = error;
        } else if (reported == status) {
            // Same status reported twice with different errors: the higher code wins, so the order of
            // arrival never decides what shows.
            nextError = event.error().code() > error.code() ? event.error() : error;
        } else {
            nextError = event.error();
        }
        Milestones nextMilestones = Milestone.markedBy(reported)
                .map(milestone -> milestones.reached(milestone, event.receivedAt()))
                .orElse(milestones);
        return new Message(id, organization, to, sender, content, tags, idempotencyKey, sid, next, nextError,
                nextMilestones, attempts, createdAt, origin);
    }

    /**
     * Twilio refused the message, or it could not be handed over at all: it fails with that error,
     * unless a later status already decided otherwise (precedence applies here too).
     */
    public Message sendFailed(DeliveryError failure, Instant at) {
        if (!failure.isPresent()) {
            throw new IllegalArgumentException("a failed send needs the error that failed it");
        }
        DeliveryStatus next = status.after(DeliveryStatus.FAILED);
        return new Message(id, organization, to, sender, content, tags, idempotencyKey, sid, next,
                next == DeliveryStatus.FAILED && status != DeliveryStatus.FAILED ? failure : error,
                milestones.reached(Milestone.FAILED, at), attempts + 1, createdAt, origin);
    }

    /**
     * A failed message is sent again: the new attempt starts from pending, with no SID, error or
     * milestones of its own yet. The previous attempt stays in the history; the latest attempt is the
     * one that decides what the message shows.
     */
    public Message startNewAttempt() {
        if (!status.isFailure()) {
            throw new IllegalStateException("only a failed message can be sent again; message " + id + " is "
                    + status.wireName());
        }
        return new Message(id, organization, to, sender, content, tags, idempotencyKey, null, DeliveryStatus.PENDING,
                DeliveryError.NONE, Milestones.none(), attempts, createdAt, origin);
    }

    public Optional<MessageId> id() {
        return Optional.ofNullable(id);
    }

    public OrganizationId organization() {
        return organization;
    }

    public Channel channel() {
        return to.channel();
    }

    public Address to() {
        return to;
    }

    public Sender sender() {
        return sender;
    }

    public MessageContent content() {
        return content;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public Optional<MessageSid> sid() {
        return Optional.ofNullable(sid);
    }

    public DeliveryStatus status() {
        return status;
    }

    public DeliveryError error() {
        return error;
    }

    public Milestones milestones() {
        return milestones;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Origin origin() {
        return origin;
    }

    public boolean isTerminal() {
        return status.isTerminalOn(channel());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message that && Objects.equals(id, that.id) && organization.equals(that.organization)
                && to.equals(that.to) && sender.equals(that.sender) && content.equals(that.content)
                && tags.equals(that.tags) && Objects.equals(idempotencyKey, that.idempotencyKey)
                && Objects.equals(sid, that.sid) && status == that.status && error.equals(that.error)
                && milestones.equals(that.milestones) && attempts == that.attempts
                && createdAt.equals(that.createdAt) && origin == that.origin;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, organization, sid, status);
    }

    @Override
    public String toString() {
        return "Message[id=" + id + ", org=" + organization + ", sid=" + sid + ", to=" + to + ", status="
                + status.wireName() + ", origin=" + origin.wireName() + "]";
    }
}
