package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Optional;

/** Where messages live. */
public interface MessageStore {

    /** A message of this organization only: another organization's message is not found. */
    Optional<Message> find(OrganizationId organization, MessageId id);

    /**
     * Whether Twilio gave this SID to another message of ours, or to an earlier (superseded) attempt of
     * {@code message}: then it cannot be the current attempt of {@code message}. The SID of the current
     * attempt itself is not taken elsewhere, even when its callback already recorded it.
     */
    boolean sidTakenElsewhere(MessageSid sid, MessageId message);
}
