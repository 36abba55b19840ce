package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AccountSid;

/** An account SID with its current auth token and, during a rotation, the previous one (or empty). */
public record TwilioAccountCredentials(AccountSid sid, String authToken, String previousAuthToken) {

    public TwilioAccountCredentials {
        if (sid == null || authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("Twilio credentials need an account SID and an auth token");
        }
        previousAuthToken = previousAuthToken == null ? "" : previousAuthToken;
    }

    @Override
    public String toString() {
        return "TwilioAccountCredentials[sid=" + sid + ", tokens hidden]";
    }
}
