package dev.deliverytracker.domain;

import java.util.regex.Pattern;

/** A Twilio account or subaccount; it also names the auth token that signs its callbacks. */
public record AccountSid(String value) {

    private static final Pattern FORMAT = Pattern.compile("AC[0-9a-f]{32}");

    public AccountSid {
        Sids.require("account SID", value, FORMAT, "a Twilio account SID ('AC' followed by 32 lowercase hex digits)");
    }

    public static AccountSid of(String value) {
        return new AccountSid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
