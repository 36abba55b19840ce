package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.QuarantinedCallback;
import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.domain.AccountSid;
import java.time.Instant;
import java.util.List;

/**
 * A bounded quarantine of callbacks the signature check refused. Nothing in it is trusted or
 * recorded as an event; it is there so that a misconfiguration is seen and its callbacks recovered.
 */
public interface RefusedCallbacks {

    /** Keeps the callback exactly as received (the signature covers every byte of it). */
    void keep(StatusCallback callback, String reason);

    /**
     * The kept callbacks that name this account, received in {@code [from, to)}, oldest first, at
     * most {@code limit}.
     */
    List<QuarantinedCallback> of(AccountSid account, Instant from, Instant to, int limit);

    /** Takes a callback out of the quarantine once it has been recorded after all. */
    void release(long id);
}
