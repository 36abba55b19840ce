package dev.deliverytracker.adapter.web;

import java.time.Duration;

/**
 * How the dashboard signs people in. {@code webhookPath} is listed so that Twilio's posts pass by
 * the dashboard's session and CSRF rules: they authenticate by signature, not by cookie.
 */
public record DashboardSettings(String webhookPath, int signInFailuresAllowed, Duration signInLockout) {

    public DashboardSettings {
        if (webhookPath == null || !webhookPath.startsWith("/")) {
            throw new IllegalArgumentException("webhook path must start with '/', was " + webhookPath);
        }
    }
}
