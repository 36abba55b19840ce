package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.LogFields;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;

/**
 * Marks the work done about one message (its dispatch, its send to Twilio), so that an adapter can put
 * the message's id and organization on every log line and trace span of that work, whoever writes them.
 * The field names are {@link LogFields}', which every adapter spells so. The work carries
 * {@link LogFields#MESSAGE_ID} and {@link LogFields#ORGANIZATION_ID}; a log line adds the Twilio SIDs it
 * knows, never those two again (a JSON line with a field twice is dropped).
 */
public interface MessageWork {

    /** Begins the work {@code name} ("dispatch", "send") about a message; close the scope when it ends. */
    Scope begin(String name, MessageId message, OrganizationId organization);

    /** The end of a piece of work. */
    interface Scope extends AutoCloseable {

        /** Adds what the work learnt about its message (e.g. {@link LogFields#MESSAGE_SID} once Twilio took it). */
        default void learnt(String field, String value) {
        }

        @Override
        void close();
    }

    /** For a caller that wants no log fields and no spans: does nothing. */
    static MessageWork unobserved() {
        return (name, message, organization) -> () -> { };
    }
}
