package dev.deliverytracker.application.port.out;

import java.time.Instant;

/**
 * The schedules of Twilio's senders and accounts, shared by every dispatcher. A reservation takes the
 * earliest time both lanes allow and books it in both, atomically, so no two dispatchers get the
 * same place and no lane goes over its rate.
 */
public interface SendingPace {

    /** Books the earliest time at or after {@code now} that both lanes allow, and answers it. */
    Instant reserve(Lane sender, Lane account, Instant now);

    /** One schedule: a sender (number or Messaging Service) or an account, with its rate. */
    record Lane(String key, PaceRate rate) {
        public Lane {
            if (key == null || key.isBlank() || rate == null) {
                throw new IllegalArgumentException("a pacing lane needs a key and a rate");
            }
        }
    }
}
