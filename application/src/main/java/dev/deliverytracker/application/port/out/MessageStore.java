package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Optional;

/** Where messages live. */
public interface MessageStore {

    /** Stores a new message and answers it with the id the store gave it. */
    Message add(Message pending);

    Optional<Message> find(MessageId id);

    /** A message of this organization only: another organization's message is not found. */
    Optional<Message> find(OrganizationId organization, MessageId id);

    Optional<Message> findBySid(MessageSid sid);

    /**
     * Whether Twilio gave this SID to another message of ours, or to an earlier (superseded) attempt of
     * {@code message}: then it cannot be the current attempt of {@code message}. The SID of the current
     * attempt itself is not taken elsewhere, even when its callback already recorded it.
     */
    boolean sidTakenElsewhere(MessageSid sid, MessageId message);
}
