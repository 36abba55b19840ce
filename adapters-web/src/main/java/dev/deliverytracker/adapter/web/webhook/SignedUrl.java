package dev.deliverytracker.adapter.web.webhook;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/** The URL Twilio requested, rebuilt from what reached us (see {@link WebhookSettings}). */
public final class SignedUrl {

    private SignedUrl() {
    }

    public static String of(HttpServletRequest request, WebhookSettings settings) {
        String pathAndQuery = request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        URI base = settings.publicBaseUrl();
        if (base != null) {
            return base + pathAndQuery;
        }
        String scheme = firstValue(request.getHeader("X-Forwarded-Proto"), request.getScheme());
        String host = firstValue(request.getHeader("X-Forwarded-Host"), request.getHeader("Host"));
        if (host == null) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        String forwardedPort = firstValue(request.getHeader("X-Forwarded-Port"), null);
        if (forwardedPort != null && !host.contains(":") && !isDefaultPort(scheme, forwardedPort)) {
            host = host + ":" + forwardedPort;
        }
        return scheme + "://" + host + pathAndQuery;
    }

    private static boolean isDefaultPort(String scheme, String port) {
        return ("https".equalsIgnoreCase(scheme) && "443".equals(port))
                || ("http".equalsIgnoreCase(scheme) && "80".equals(port));
    }

    /** Proxies chain their values ("https, http"); the first is the one the client used. */
    private static String firstValue(String header, String fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        return header.split(",")[0].trim();
    }
}
