package dev.deliverytracker.application.port.in;

/**
 * What became of an administrative request. The caller must tell each case apart: a change done, a
 * thing the actor may not learn exists (answered as not found), a thing the actor sees but may not
 * change, or a request that conflicts with what is there (a duplicate name, the last administrator).
 */
public sealed interface AdminOutcome<T> {

    record Done<T>(T value) implements AdminOutcome<T> {
    }

    /** Not there, or not the actor's to know of: both answer the same, so nothing leaks. */
    record NotFound<T>(String what) implements AdminOutcome<T> {
    }

    /** The actor sees it but lacks the role or scope to do this; {@code needed} says what would do. */
    record Forbidden<T>(String needed) implements AdminOutcome<T> {
    }

    /** The request is well formed but clashes with what exists; {@code field} names what to change. */
    record Conflict<T>(String field, String reason) implements AdminOutcome<T> {
    }

    /** A value the request carries was checked elsewhere and refused (a token Twilio refuses); {@code field} names it. */
    record Rejected<T>(String field, String reason) implements AdminOutcome<T> {
    }

    /** Something the request depends on (Twilio) could not be asked; nothing was changed, try again. */
    record Unavailable<T>(String reason) implements AdminOutcome<T> {
    }

    static <T> AdminOutcome<T> done(T value) {
        return new Done<>(value);
    }

    /** The same refusal for another type, so a check can be answered from any use case. */
    @SuppressWarnings("unchecked")
    default <U> AdminOutcome<U> refusal() {
        if (this instanceof Done<T>) {
            throw new IllegalStateException("a done outcome is not a refusal");
        }
        return (AdminOutcome<U>) this;
    }
}
