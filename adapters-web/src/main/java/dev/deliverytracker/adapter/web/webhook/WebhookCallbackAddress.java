package dev.deliverytracker.adapter.web.webhook;

import dev.deliverytracker.application.port.out.StatusCallbackAddress;
import dev.deliverytracker.domain.MessageId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The status callback URL Twilio is given: the public base URL, the webhook path, our message id
 * (so a callback that outruns the send answer still finds its message) and Twilio's connection
 * overrides in the fragment, so Twilio retries a callback we answered with 5xx or did not answer:
 * 3 retries on 5xx, connect and read timeouts, within Twilio's 15 second budget.
 */
@Component
class WebhookCallbackAddress implements StatusCallbackAddress {

    static final String CONNECTION_OVERRIDES = "#rc=3&rp=5xx,ct,rt&ct=2000&rt=5000&tt=15000";

    private final Environment environment;
    private final String path;
    private final String publicBase;
    // Every send asks; resolving the port through the environment's property sources each time showed
    // in the dispatcher's profile. Known once the server has started.
    private volatile String localBase;

    public WebhookCallbackAddress(WebhookSettings settings, Environment environment,
            @Value("${tracker.webhook.path:/twilio-status}") String path) {
        this.environment = environment;
        this.path = path;
        this.publicBase = settings.publicBaseUrl() == null ? null : settings.publicBaseUrl().toString();
    }

    @Override
    public String forMessage(MessageId id) {
        return base() + path + "?mid=" + id + CONNECTION_OVERRIDES;
    }

    /** Without a public base URL the service is on a developer's machine: Twilio (the simulator) is local too. */
    private String base() {
        if (publicBase != null) {
            return publicBase;
        }
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
