package dev.deliverytracker.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** A REST error in Twilio's JSON shape: {@code {"code", "message", "more_info", "status"}}. */
record TwilioError(int code, String message, int status) {

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("message", message);
        json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        json.put("status", status);
        return json;
    }

    static TwilioError badRequest(int code) {
        return new TwilioError(code, ErrorTitles.of(code), 400);
    }
}
