package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.AdminOutcome;

/** Administrative outcomes at start, where anything but done is a configuration the service cannot run with. */
final class AdminOutcomes {

    private AdminOutcomes() {
    }

    static <T> T done(AdminOutcome<T> outcome) {
        if (outcome instanceof AdminOutcome.Done<T> done) {
            return done.value();
        }
        throw new IllegalStateException("could not apply the configuration: " + outcome);
    }
}
