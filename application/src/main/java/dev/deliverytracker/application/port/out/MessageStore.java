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

    /** Whether any message, or any earlier attempt of one, was ever given this SID by Twilio. */
    boolean knowsSid(MessageSid sid);
}
