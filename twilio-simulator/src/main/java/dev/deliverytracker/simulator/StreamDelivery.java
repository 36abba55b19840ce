package dev.deliverytracker.simulator;

import java.util.List;

/**
 * One try to deliver an Event Streams batch to a sink, with the answer it got.
 *
 * @param sinkSid   the sink
 * @param batchId   the same on every try of one batch
 * @param attempt   1 for the first try
 * @param url       the URL posted to, with {@code bodySHA256}
 * @param signature {@code X-Twilio-Signature} sent
 * @param eventIds  the CloudEvent ids in the batch
 * @param types     their types
 * @param response  the HTTP status, 0 when no answer came
 * @param at        when it was tried (ISO-8601)
 */
public record StreamDelivery(String sinkSid, String batchId, int attempt, String url, String signature,
        List<String> eventIds, List<String> types, int response, String at) {

    public StreamDelivery {
        eventIds = List.copyOf(eventIds);
        types = List.copyOf(types);
    }

    public boolean delivered() {
        return response >= 200 && response < 300;
    }
}
