package dev.deliverytracker.application.port;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A status callback exactly as it reached us: the URL Twilio requested (as Twilio saw it, without
 * any fragment), every form parameter in the order received, the signature header and Twilio's
 * idempotency token if present, and the address it came from (the connection's peer, or {@link
 * #UNKNOWN_SOURCE}). Nothing is parsed yet, because the signature covers the raw form.
 */
public record StatusCallback(String url, Map<String, List<String>> parameters, String signature,
        String idempotencyToken, Instant receivedAt, String source) {

    /** The source of a callback that did not come over a connection, such as a replay. */
    public static final String UNKNOWN_SOURCE = "unknown";

    public StatusCallback(String url, Map<String, List<String>> parameters, String signature, String idempotencyToken,
            Instant receivedAt) {
        this(url, parameters, signature, idempotencyToken, receivedAt, UNKNOWN_SOURCE);
    }

    public StatusCallback {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("callback URL is required");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        parameters = Collections.unmodifiableMap(copy);
        signature = signature == null ? "" : signature;
        idempotencyToken = idempotencyToken == null ? "" : idempotencyToken;
        source = source == null || source.isBlank() ? UNKNOWN_SOURCE : source;
    }

    /** The same callback checked against another URL, as a replay with the current settings does. */
    public StatusCallback at(String otherUrl) {
        return new StatusCallback(otherUrl, parameters, signature, idempotencyToken, receivedAt, source);
    }

    /** The first value of a parameter; Twilio sends each status parameter once. */
    public Optional<String> first(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A query parameter of the callback URL, such as our own message id. */
    public Optional<String> queryParameter(String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String pair : url.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
