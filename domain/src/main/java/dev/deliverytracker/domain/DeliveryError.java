package dev.deliverytracker.domain;

import java.util.Optional;

/**
 * An error Twilio reported for a message: its numeric code and, when Twilio sent one, its text.
 * {@link #NONE} stands for "no error", so no event or message carries a null error.
 */
public record DeliveryError(int code, String message) {

    public static final DeliveryError NONE = new DeliveryError(0, "");

    public DeliveryError {
        if (code < 0) {
            throw new IllegalArgumentException("error code must be a positive number, was " + code);
        }
        message = message == null ? "" : message;
    }

    public static DeliveryError of(int code, String message) {
        if (code == 0) {
            throw new IllegalArgumentException("error code must be a positive number, was 0");
        }
        return new DeliveryError(code, message);
    }

    /** Reads Twilio's {@code ErrorCode} parameter; absent or empty means no error. */
    public static DeliveryError parse(String code, String message) {
        if (code == null || code.isBlank()) {
            return NONE;
        }
        if (!code.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("ErrorCode must be a number, was " + Sids.quoteSafely(code));
        }
        int value = Integer.parseInt(code);
        return value == 0 ? NONE : of(value, message);
    }

    public boolean isPresent() {
        return code != 0;
    }

    /** What the code means, when it is one the catalogue knows. */
    public Optional<TwilioError> meaning() {
        return TwilioError.byCode(code);
    }
}
