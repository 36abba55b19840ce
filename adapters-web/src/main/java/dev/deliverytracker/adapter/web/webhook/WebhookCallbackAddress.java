package dev.deliverytracker.adapter.web.webhook;

import dev.deliverytracker.application.port.out.StatusCallbackAddress;
import dev.deliverytracker.domain.MessageId;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The status callback URL of each send, as {@link WebhookSettings#callbackUrl} builds it. */
@Component
class WebhookCallbackAddress implements StatusCallbackAddress {

    private final WebhookSettings settings;
    private final Environment environment;
    // Every send asks; resolving the port through the environment's property sources each time showed
    // in the dispatcher's profile. Known once the server has started.
    private volatile String localBase;

    WebhookCallbackAddress(WebhookSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public String forMessage(MessageId id) {
        return settings.callbackUrl(id, this::localBase);
    }

    private String localBase() {
        String known = localBase;
        if (known != null) {
            return known;
        }
        String started = environment.getProperty("local.server.port");
        if (started == null) {
            return "http://localhost:" + environment.getProperty("server.port", "8080");
        }
        localBase = "http://localhost:" + started;
        return localBase;
    }
}
