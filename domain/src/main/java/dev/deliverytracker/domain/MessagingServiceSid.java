package dev.deliverytracker.domain;

import java.util.regex.Pattern;

/** A Twilio Messaging Service, which picks the sender from its pool. */
public record MessagingServiceSid(String value) {

    private static final Pattern FORMAT = Pattern.compile("MG[0-9a-f]{32}");

    public MessagingServiceSid {
        Sids.require("messaging service SID", value, FORMAT, "a Twilio Messaging Service SID ('MG' followed by 32 lowercase hex digits)");
    }

    public static MessagingServiceSid of(String value) {
        return new MessagingServiceSid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
