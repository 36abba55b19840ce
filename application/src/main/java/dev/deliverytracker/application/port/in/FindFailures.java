package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.TwilioError;
import java.util.List;
import java.util.Optional;

/** The organization's failed and undelivered messages in a range, grouped by error code. */
public interface FindFailures {

    /** Largest group first; {@link AccessRefused} unless the actor may read the organization. */
    List<FailureGroup> failures(Actor actor, OrganizationId organization, TimeRange failedBetween);

    /**
     * Messages that failed with one error code ({@code 0} when Twilio gave none); {@code meaning} is
     * empty for a code the catalogue does not know, and then retrying is not advised.
     */
    record FailureGroup(int errorCode, long failed, long undelivered, Optional<TwilioError> meaning) {

        public long count() {
            return failed + undelivered;
        }

        public boolean retryable() {
            return meaning.map(TwilioError::isRetryable).orElse(false);
        }

        public String suggestedAction() {
            return meaning.map(TwilioError::suggestedAction).orElse(errorCode == 0
                    ? "Twilio gave no error code; look at the message's timeline."
                    : "Unknown code: look it up at https://www.twilio.com/docs/errors/" + errorCode + ".");
        }
    }
}
