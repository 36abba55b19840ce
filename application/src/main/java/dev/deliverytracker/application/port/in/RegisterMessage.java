package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An application that sends through Twilio on its own registers a message by its SID with what only
 * it knows. Idempotent by SID, and it merges with the message the SID's callbacks revealed, whichever
 * comes first.
 */
public interface RegisterMessage {

    Registration register(Actor actor, Command command);

    /** @param sentAt when the application sent it, when it says so */
    record Command(OrganizationId organization, MessageSid sid, Address to, Sender sender, MessageContent content,
            Map<String, String> tags, Optional<Instant> sentAt) {

        public Command {
            if (organization == null || sid == null || to == null || sender == null || content == null) {
                throw new IllegalArgumentException("a registration needs the organization, SID, recipient, sender and "
                        + "content");
            }
            tags = Map.copyOf(tags == null ? Map.of() : tags);
            sentAt = sentAt == null ? Optional.empty() : sentAt;
        }
    }

    sealed interface Registration {
    }

    /** The message as it is now, registered content and tags beside what its callbacks told. */
    record Registered(Message message) implements Registration {
    }

    /** The SID is another organization's, or a message sent through the tracker. */
    record Conflict(String reason) implements Registration {
    }
}
