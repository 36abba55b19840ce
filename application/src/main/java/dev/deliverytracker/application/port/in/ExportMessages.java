package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.MessageSummary;
import java.util.function.Consumer;

/** Every message a filter selects, newest first, handed over one by one and never held all at once. */
public interface ExportMessages {

    /** Hands each message to {@code sink} as it is read; answers how many there were; {@link AccessRefused} unless the actor may read. */
    long export(Actor actor, MessageFilter filter, Consumer<MessageSummary> sink);
}
