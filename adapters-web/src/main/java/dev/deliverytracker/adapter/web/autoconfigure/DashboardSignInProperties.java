package dev.deliverytracker.adapter.web.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dashboard throttles sign-ins: this adapter's part of {@code tracker.dashboard.*} (the service
 * owns who may sign in). Checked at start; a wrong value stops the start with the setting's name.
 *
 * @param signInFailuresAllowed failed sign-ins for one username from one address before a lockout
 * @param signInLockout         how long the lockout lasts after the last failure
 */
@ConfigurationProperties("tracker.dashboard")
public record DashboardSignInProperties(
        @DefaultValue("5") int signInFailuresAllowed,
        @DefaultValue("15m") Duration signInLockout) {

    public DashboardSignInProperties {
        if (signInFailuresAllowed < 1 || signInFailuresAllowed > 100) {
            throw new IllegalArgumentException("tracker.dashboard.sign-in-failures-allowed must be 1 to 100, was "
                    + signInFailuresAllowed);
        }
        if (signInLockout == null || signInLockout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("tracker.dashboard.sign-in-lockout must be at least 1s, was "
                    + signInLockout);
        }
    }
}
