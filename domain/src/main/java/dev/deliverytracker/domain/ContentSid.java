package dev.deliverytracker.domain;

import java.util.regex.Pattern;

/** A content template registered with Twilio (required for WhatsApp outside the 24-hour window). */
public record ContentSid(String value) {

    private static final Pattern FORMAT = Pattern.compile("HX[0-9a-f]{32}");

    public ContentSid {
        Sids.require("content SID", value, FORMAT, "a Twilio Content SID ('HX' followed by 32 lowercase hex digits)");
    }

    public static ContentSid of(String value) {
        return new ContentSid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
