package dev.deliverytracker.adapter.web.webhook;

import java.net.URI;

/**
 * How the webhook rebuilds the URL Twilio signed. With a public base URL the request's own host is
 * ignored; without one, {@code X-Forwarded-Proto/Host/Port} from a proxy are honoured. Trusting those
 * headers is safe here because a forged header can only make a signature fail, never pass. The base
 * URL is kept without trailing slashes.
 */
public record WebhookSettings(URI publicBaseUrl, int maxBodyBytes) {

    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public WebhookSettings {
        if (publicBaseUrl != null && (!publicBaseUrl.isAbsolute() || publicBaseUrl.getHost() == null)) {
            throw new IllegalArgumentException("public base URL must be absolute, like https://tracker.example.com, was "
                    + publicBaseUrl);
        }
        if (publicBaseUrl != null && (publicBaseUrl.getRawQuery() != null || publicBaseUrl.getRawFragment() != null)) {
            throw new IllegalArgumentException("public base URL must not carry a query or a #fragment (connection "
                    + "overrides belong to the callback URL Twilio is given, not to the base), was " + publicBaseUrl);
        }
        if (publicBaseUrl != null && !"https".equals(publicBaseUrl.getScheme()) && !isLocal(publicBaseUrl)) {
            throw new IllegalArgumentException("public base URL must use https (Twilio posts statuses over the internet; "
                    + "http is only for localhost), was " + publicBaseUrl);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("webhook body limit must be positive, was " + maxBodyBytes);
        }
        if (publicBaseUrl != null) {
            // Kept without trailing slashes, so the webhook's path is simply appended to it.
            publicBaseUrl = URI.create(publicBaseUrl.toString().replaceAll("/+$", ""));
        }
    }

    private static boolean isLocal(URI url) {
        String host = url.getHost();
        return "http".equals(url.getScheme())
                && ("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host));
    }

    public static WebhookSettings behindProxyHeaders() {
        return new WebhookSettings(null, DEFAULT_MAX_BODY_BYTES);
    }
}
