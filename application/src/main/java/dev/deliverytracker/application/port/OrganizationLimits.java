package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.RetryPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * An organization with everything that bounds what it does, read in one place: its send budgets, the
 * pacing its senders get, its retry policy, what becomes of other applications' messages, the WhatsApp
 * window enforcement and how long its delivery history is kept. Each is changed where it always was.
 */
public record OrganizationLimits(Organization organization, SendLimit perApiKeyBudget,
        SendLimit organizationBudget, Pacing pacing,
        RetryPolicy retryPolicy, Optional<AdoptionPolicy> adoption, WindowEnforcement windowEnforcement,
        Duration retention) {

    /** Messages per second each kind of sender, and each Twilio account, is handed at most (service-wide). */
    public record Pacing(double smsNumberPerSecond, double whatsappNumberPerSecond, double messagingServicePerSecond,
            double accountPerSecond) {
    }
}
