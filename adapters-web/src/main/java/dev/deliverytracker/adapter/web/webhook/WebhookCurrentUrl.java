package dev.deliverytracker.adapter.web.webhook;

import dev.deliverytracker.application.port.out.CurrentCallbackUrl;
import org.springframework.stereotype.Component;

/** Today's URL of a quarantined callback, as {@link WebhookSettings#currentUrl(String)} says. */
@Component
class WebhookCurrentUrl implements CurrentCallbackUrl {

    private final WebhookSettings settings;

    WebhookCurrentUrl(WebhookSettings settings) {
        this.settings = settings;
    }

    @Override
    public String of(String urlAtReceipt) {
        return settings.currentUrl(urlAtReceipt);
    }
}
