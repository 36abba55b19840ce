package dev.deliverytracker.application.port;

/** What came of posting a notification. */
public sealed interface ReceiverAnswer {

    /** A 2xx: the receiver has it. */
    record Took(int status) implements ReceiverAnswer {
    }

    /** Another status (a redirect is one: redirects are not followed). */
    record Declined(int status) implements ReceiverAnswer {
    }

    /** 410 Gone: the receiver wants no more; the subscription is paused. */
    record Gone() implements ReceiverAnswer {
    }

    /** No answer: refused connection, timeout, TLS failure. */
    record Unreachable(String reason) implements ReceiverAnswer {
    }

    /** Not sent at all: the address is one the service may not post to (see the SSRF rules). */
    record Forbidden(String reason) implements ReceiverAnswer {
    }

    default boolean took() {
        return this instanceof Took;
    }

    /** A short text for the dead-letter list and logs. */
    default String describe() {
        if (this instanceof Took took) {
            return "answered " + took.status();
        }
        if (this instanceof Declined declined) {
            return "answered " + declined.status();
        }
        if (this instanceof Gone) {
            return "answered 410 Gone";
        }
        if (this instanceof Unreachable unreachable) {
            return "unreachable: " + unreachable.reason();
        }
        return "refused: " + ((Forbidden) this).reason();
    }
}
