package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.MessageId;

/**
 * How an event finds its message: by our own id when the callback URL carried it (it works even
 * before Twilio's SID is stored), otherwise by Twilio's SID.
 */
public sealed interface MessageLookup {

    record ById(MessageId id) implements MessageLookup {
    }

    record BySid() implements MessageLookup {
    }

    static MessageLookup bySid() {
        return new BySid();
    }

    static MessageLookup byId(MessageId id) {
        return new ById(id);
    }
}
