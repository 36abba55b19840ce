package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/** A message of the caller's organization; another organization's message is not found. */
public interface FindMessage {

    Optional<Message> find(OrganizationId organization, MessageId id);

    /** When a message waiting in the outbox for its place in its sender's pace goes to Twilio; empty once it came. */
    Optional<Instant> pacedUntil(MessageId id);

    /** Segments and what the provider charged, once it was asked (after the message became final). */
    Optional<MessageFacts> charges(MessageId id);
}
