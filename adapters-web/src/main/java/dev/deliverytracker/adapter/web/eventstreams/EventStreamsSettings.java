package dev.deliverytracker.adapter.web.eventstreams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The Event Streams endpoint's path, the largest body it reads, and the Basic credentials of the sink
 * URL when the sink has them (Twilio sends them with every request once they are in the URL). Without
 * credentials no {@code Authorization} is asked for; the signature is checked either way.
 */
public record EventStreamsSettings(String path, int maxBodyBytes, String username, String password) {

    public static final String DEFAULT_PATH = "/twilio-events";
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public EventStreamsSettings {
        if (path == null || !path.startsWith("/") || path.contains("*") || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("path must start with '/' and hold no '*', '?' or '#', was " + path);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("max body bytes must be positive, was " + maxBodyBytes);
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        if (username.isEmpty() != password.isEmpty()) {
            throw new IllegalArgumentException("Basic credentials need both the username and the password, or neither");
        }
        if (username.contains(":")) {
            throw new IllegalArgumentException("the Basic username must not contain ':'");
        }
    }

    public static EventStreamsSettings defaults() {
        return new EventStreamsSettings(DEFAULT_PATH, DEFAULT_MAX_BODY_BYTES, "", "");
    }

    public boolean requiresBasicAuth() {
        return !username.isEmpty();
    }

    /** Whether an {@code Authorization} header carries exactly these credentials; compared in constant time. */
    boolean admits(String authorization) {
        if (!requiresBasicAuth()) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] expected = Base64.getEncoder()
                .encode((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, authorization.substring(6).trim().getBytes(StandardCharsets.UTF_8));
    }

    /** The URL as the sink's destination may spell it, with the credentials in its user info. */
    Optional<String> withCredentials(String url) {
        int scheme = url.indexOf("://");
        if (!requiresBasicAuth() || scheme < 0) {
            return Optional.empty();
        }
        return Optional.of(url.substring(0, scheme + 3) + username + ":" + password + "@" + url.substring(scheme + 3));
    }

    @Override
    public String toString() {
        return "EventStreamsSettings[path=" + path + ", maxBodyBytes=" + maxBodyBytes + ", basicAuth="
                + (requiresBasicAuth() ? "on" : "off") + "]";
    }
}
