package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.SendLimit;

/** The send budgets of one organization: each of its API keys, and all of them together. */
public record SendLimits(SendLimit perApiKey, SendLimit perOrganization) {

    public SendLimits {
        if (perApiKey == null || perOrganization == null) {
            throw new IllegalArgumentException("send limits need a per-key and a per-organization limit");
        }
    }
}
