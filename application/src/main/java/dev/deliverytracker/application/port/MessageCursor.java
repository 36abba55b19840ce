package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.MessageId;
import java.time.Instant;

/**
 * Where a page of messages ended: the creation time and id of its last message. The next page holds
 * the messages strictly older in (created at, id) order, so rows added meanwhile never shift a page.
 */
public record MessageCursor(Instant createdAt, MessageId id) {

    public MessageCursor {
        if (createdAt == null || id == null) {
            throw new IllegalArgumentException("a cursor needs the creation time and the id of a message");
        }
    }
}
