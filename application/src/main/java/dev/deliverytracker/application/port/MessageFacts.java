package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.Charge;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the provider's copy of a message says that its status callbacks never do: how many segments
 * it took, what it cost, and its text. Each may be missing: the provider settles the price some time
 * after the final status, and a template message may have no text to show.
 *
 * @param segments the segment count, or null when the provider did not say
 * @param charge   what was charged, or null while the provider has not priced it yet
 * @param body     the text as the provider kept it, or null
 */
public record MessageFacts(Integer segments, Charge charge, String body) {

    /** Nothing known beyond the status. */
    public static final MessageFacts NONE = new MessageFacts(null, null, null);

    public MessageFacts {
        if (segments != null && segments < 0) {
            throw new IllegalArgumentException("a segment count is zero or more, was " + segments);
        }
        if (body != null && body.isEmpty()) {
            body = null;
        }
    }

    public OptionalInt segmentCount() {
        return segments == null ? OptionalInt.empty() : OptionalInt.of(segments);
    }

    public Optional<Charge> charged() {
        return Optional.ofNullable(charge);
    }

    public Optional<String> text() {
        return Optional.ofNullable(body);
    }

    /** Whether the provider has priced the message: after that nothing here changes any more. */
    public boolean priced() {
        return charge != null;
    }
}
