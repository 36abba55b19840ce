package dev.deliverytracker.adapter.web.webhook;

import dev.deliverytracker.application.port.out.CurrentCallbackUrl;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The URL a quarantined callback is checked against on replay: the webhook path and the callback's
 * query under today's public base URL, as {@link SignedUrl} would build it now (the service only ever
 * receives callbacks at the webhook path, so whatever stood before it came from the old base). Without one the URL it was received at stays, since the proxy headers that built it then
 * cannot be asked again.
 */
@Component
class WebhookCurrentUrl implements CurrentCallbackUrl {

    private final WebhookSettings settings;
    private final String path;

    public WebhookCurrentUrl(WebhookSettings settings, @Value("${tracker.webhook.path:/twilio-status}") String path) {
        this.settings = settings;
        this.path = path;
    }

    @Override
    public String of(String urlAtReceipt) {
        if (settings.publicBaseUrl() == null) {
            return urlAtReceipt;
        }
        URI received;
        try {
            received = URI.create(urlAtReceipt);
        } catch (IllegalArgumentException unreadable) {
            return urlAtReceipt;
        }
        String pathAndQuery = path + (received.getRawQuery() == null ? "" : "?" + received.getRawQuery());
        return settings.publicBaseUrl() + pathAndQuery;
    }
}
