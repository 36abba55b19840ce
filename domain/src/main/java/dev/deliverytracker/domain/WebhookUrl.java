package dev.deliverytracker.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where an alert is posted. The path of a chat webhook is its secret (a Slack incoming webhook URL
 * lets anyone post), so only scheme and host are ever shown or logged.
 */
public record WebhookUrl(URI value) {

    public WebhookUrl {
        if (value == null || !value.isAbsolute() || value.getHost() == null) {
            throw new IllegalArgumentException("webhook URL must be an absolute http(s) URL, was "
                    + (value == null ? "nothing" : masked(value)));
        }
        String scheme = value.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("webhook URL must use http or https, was " + masked(value));
        }
        if (value.getRawUserInfo() != null) {
            throw new IllegalArgumentException("webhook URL must not carry credentials before the host, was "
                    + masked(value));
        }
    }

    public static WebhookUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("webhook URL is required: an absolute http(s) URL");
        }
        try {
            return new WebhookUrl(new URI(text.trim()));
        } catch (URISyntaxException notAUri) {
            throw new IllegalArgumentException("webhook URL is not a valid URL: " + Sids.quoteSafely(notAUri.getReason()));
        }
    }

    /** Scheme, host and port, the rest hidden: {@code https://hooks.slack.com/…}. */
    public String masked() {
        return masked(value);
    }

    private static String masked(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "'…'";
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + "/…";
    }

    @Override
    public String toString() {
        return masked();
    }
}
