package dev.deliverytracker.domain;

import java.util.regex.Pattern;

/** Twilio's identity of one message (`SM` for SMS and WhatsApp, `MM` for MMS). */
public record MessageSid(String value) {

    private static final Pattern FORMAT = Pattern.compile("(SM|MM)[0-9a-f]{32}");

    public MessageSid {
        Sids.require("message SID", value, FORMAT, "a Twilio message SID ('SM' or 'MM' followed by 32 lowercase hex digits)");
    }

    public static MessageSid of(String value) {
        return new MessageSid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
