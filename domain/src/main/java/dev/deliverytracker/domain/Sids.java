package dev.deliverytracker.domain;

import java.util.regex.Pattern;

/** Twilio's identifier format: a two-letter prefix and 32 lowercase hexadecimal digits. */
final class Sids {

    private static final int MAX_SHOWN = 40;

    private Sids() {
    }

    static String require(String field, String value, Pattern format, String expected) {
        if (value == null || !format.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    field + " must be " + expected + ", was " + quoteSafely(value));
        }
        return value;
    }

    /** Shows a rejected value in an error message without letting it flood a log line. */
    static String quoteSafely(String value) {
        if (value == null) {
            return "nothing";
        }
        String shown = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "…" : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
