package dev.deliverytracker.application.port;

import java.time.Instant;
import java.util.List;

/**
 * A POST of Twilio Event Streams exactly as it reached us: the URL Twilio requested (it carries
 * {@code bodySHA256}), other spellings of that URL Twilio may have signed instead (with the sink's
 * Basic credentials in it, when it has them), the body as received, the signature header, the events
 * read from the body, when and from which address it came.
 */
public record EventBatch(String url, List<String> alternativeUrls, String body, String signature,
        List<StreamedEvent> events, Instant receivedAt, String source) {

    public EventBatch {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("event batch URL is required");
        }
        if (body == null || receivedAt == null) {
            throw new IllegalArgumentException("event batch needs its body and the time it was received");
        }
        alternativeUrls = List.copyOf(alternativeUrls);
        events = List.copyOf(events);
        signature = signature == null ? "" : signature;
        source = source == null || source.isBlank() ? StatusCallback.UNKNOWN_SOURCE : source;
    }

    /** A query parameter of the URL, such as the sink's own {@code account}. */
    public java.util.Optional<String> queryParameter(String name) {
        return new StatusCallback(url, java.util.Map.of(), "", "", receivedAt).queryParameter(name);
    }

    /** The URL first, then its other spellings. */
    public List<String> signedUrlCandidates() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(url), alternativeUrls.stream()).toList();
    }
}
