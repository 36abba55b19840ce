package dev.deliverytracker.domain;

/**
 * Our own numeric identity of a message. Numeric because the reports teams already run compare
 * {@code message_id} with integer literals.
 */
public record MessageId(long value) {

    public MessageId {
        if (value <= 0) {
            throw new IllegalArgumentException("message id must be a positive number, was " + value);
        }
    }

    public static MessageId of(long value) {
        return new MessageId(value);
    }

    /** Parses the id as it travels in URLs and callback query strings. */
    public static MessageId parse(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException(
                    "message id must be a positive whole number, was " + Sids.quoteSafely(text));
        }
        return new MessageId(Long.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
