package dev.deliverytracker.adapter.web.webhook;

import dev.deliverytracker.application.port.out.StatusCallbackAddress;
import dev.deliverytracker.domain.MessageId;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Where Twilio reaches the webhook, owned in one place: the public base URL, the path, the parameter
 * that carries our message id and Twilio's connection overrides.
 *
 * <p>With a public base URL the request's own host is ignored when the signed URL is rebuilt; without
 * one, {@code X-Forwarded-Proto/Host/Port} from a proxy are honoured. Trusting those headers is safe
 * here because a forged header can only make a signature fail, never pass. The base URL is kept
 * without trailing slashes, so the path is simply appended to it.
 */
public record WebhookSettings(URI publicBaseUrl, String path, int maxBodyBytes) {

    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final String DEFAULT_PATH = "/twilio-status";

    /**
     * In the URL's fragment, so Twilio retries a callback we answered with 5xx or did not answer:
     * 3 retries on 5xx, connect and read timeouts, within Twilio's 15 second budget.
     */
    static final String CONNECTION_OVERRIDES = "#rc=3&rp=5xx,ct,rt&ct=2000&rt=5000&tt=15000";

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
        if (path == null || !path.startsWith("/") || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("webhook path must start with '/' and carry no query or fragment, was "
                    + path);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("webhook body limit must be positive, was " + maxBodyBytes);
        }
        if (publicBaseUrl != null) {
            publicBaseUrl = URI.create(publicBaseUrl.toString().replaceAll("/+$", ""));
        }
    }

    public static WebhookSettings behindProxyHeaders() {
        return new WebhookSettings(null, DEFAULT_PATH, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * The status callback URL Twilio is given for one message. Our id rides along so a callback that
     * outruns the send answer still finds its message. Without a public base URL the service is on a
     * developer's machine, where Twilio (the simulator) is local too.
     */
    String callbackUrl(MessageId id, Supplier<String> localBase) {
        String base = publicBaseUrl == null ? localBase.get() : publicBaseUrl.toString();
        return base + path + "?" + StatusCallbackAddress.MESSAGE_ID_PARAMETER + "=" + id + CONNECTION_OVERRIDES;
    }

    /**
     * The URL a quarantined callback is checked against on replay: the path and the callback's query
     * under today's public base URL (callbacks only ever arrive at the path, so whatever stood before it
     * came from the old base). Without a public base URL the URL it was received at stays, since the
     * proxy headers that built it then cannot be asked again.
     */
    String currentUrl(String urlAtReceipt) {
        if (publicBaseUrl == null) {
            return urlAtReceipt;
        }
        URI received;
        try {
            received = URI.create(urlAtReceipt);
        } catch (IllegalArgumentException unreadable) {
            return urlAtReceipt;
        }
        return publicBaseUrl + path + (received.getRawQuery() == null ? "" : "?" + received.getRawQuery());
    }

    private static boolean isLocal(URI url) {
        String host = url.getHost();
        return "http".equals(url.getScheme())
                && ("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host));
    }
}
