package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/** A message of the caller's organization; another organization's message is not found. */
public interface FindMessage {

    /** Refuses ({@link AccessRefused}) an actor who may not read the organization's messages. */
    Optional<Message> find(Actor actor, OrganizationId organization, MessageId id);

    /** When a message waiting in the outbox for its place in its sender's pace goes to Twilio; empty once it came. */
    Optional<Instant> pacedUntil(MessageId id);

    /**
     * Why a message not yet sent is held back rather than waiting its turn: its organization is
     * disabled (it is sent once the organization is enabled again). Empty for any other message.
     */
    Optional<String> heldBecause(Message message);

    /** Segments and what the provider charged, once it was asked (after the message became final). */
    Optional<MessageFacts> charges(MessageId id);
}
