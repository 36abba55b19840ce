package dev.deliverytracker.adapter.web.dashboard;

import java.time.Duration;

/**
 * How the dashboard signs people in. {@code webhookPath} is listed with the machines' paths: Twilio's
 * callbacks are answered before Spring Security ({@link StatusCallbackEndpoint}), and should a request
 * on that path ever reach the security chains, it must not meet the dashboard's sign-in and CSRF rules.
 */
public record DashboardSettings(String webhookPath, int signInFailuresAllowed, Duration signInLockout) {

    public DashboardSettings {
        if (webhookPath == null || !webhookPath.startsWith("/")) {
            throw new IllegalArgumentException("webhook path must start with '/', was " + webhookPath);
        }
    }
}
