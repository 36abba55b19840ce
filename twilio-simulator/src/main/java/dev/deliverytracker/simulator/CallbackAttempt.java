package dev.deliverytracker.simulator;

import java.util.Map;

/**
 * One try at posting a status callback, as {@code GET /simulator/callbacks} lists it.
 *
 * @param messageSid       message it was about
 * @param status           status it reported
 * @param attempt          1 for the first try, 2 for the first retry, ...
 * @param url              URL posted to (without fragment)
 * @param idempotencyToken the {@code I-Twilio-Idempotency-Token} header
 * @param signature        the {@code X-Twilio-Signature} header
 * @param duplicate        true when this is a deliberate second posting of the event
 * @param responseCode     HTTP status the receiver answered, 0 when none came
 * @param failure          empty on a 2xx, else {@code 4xx}, {@code 5xx}, {@code ct} (no connection) or {@code rt} (read timeout)
 * @param params           the form parameters posted
 * @param at               when the try started, ISO-8601
 */
public record CallbackAttempt(
        String messageSid,
        String status,
        int attempt,
        String url,
        String idempotencyToken,
        String signature,
        boolean duplicate,
        int responseCode,
        String failure,
        Map<String, String> params,
        String at) {

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
