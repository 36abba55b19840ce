package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.MessageSummary;
import java.util.List;
import java.util.Optional;

/** An organization's messages, newest first, a page at a time. */
public interface ListMessages {

    int MAX_LIMIT = 200;

    /** Up to {@code limit} messages after {@code after} (or from the newest); {@link AccessRefused} unless the actor may read. */
    MessagePage list(Actor actor, MessageFilter filter, Optional<MessageCursor> after, int limit);

    /** One page; {@code next} is present when more messages may follow. */
    record MessagePage(List<MessageSummary> items, Optional<MessageCursor> next) {

        public MessagePage {
            items = List.copyOf(items);
        }
    }
}
