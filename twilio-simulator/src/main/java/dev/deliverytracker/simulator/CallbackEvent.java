package dev.deliverytracker.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One status callback to post: a status change of a message with Twilio's parameters.
 *
 * @param messageSid       message it is about
 * @param accountSid       account whose token signs it
 * @param status           the status it reports
 * @param step             position of that status in the message's logical sequence
 * @param errorCode        error code it reports, 0 when none
 * @param params           form parameters, in Twilio's order
 * @param idempotencyToken same on every retry of this event, new for a duplicate
 * @param duplicate        true for the second posting of an event
 */
record CallbackEvent(
        String messageSid,
        String accountSid,
        String status,
        int step,
        int errorCode,
        Map<String, String> params,
        String idempotencyToken,
        boolean duplicate) {

    CallbackEvent {
        // Copied in Twilio's order: Map.copyOf would lose it, and the order shows in logs and tests.
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    CallbackEvent asDuplicate(String newToken) {
        return new CallbackEvent(messageSid, accountSid, status, step, errorCode, params, newToken, true);
    }
}
