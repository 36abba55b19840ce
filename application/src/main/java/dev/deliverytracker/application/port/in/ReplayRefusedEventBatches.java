package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.QuarantinedBatch;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks.Replay;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks.Selection;
import java.util.List;

/**
 * Refused Event Streams batches of an organization's Twilio account, seen and recovered once the
 * configuration that refused them (public base URL, proxy headers, auth token) has been fixed. Selected
 * and counted as refused callbacks are.
 */
public interface ReplayRefusedEventBatches {

    /** The organization's quarantined batches; none when it has no Twilio account. */
    List<QuarantinedBatch> list(Actor actor, Selection selection);

    /**
     * Checks each selected batch again with the current settings; one that verifies now is recorded as
     * if it had just arrived and leaves the quarantine, one that does not (or that was kept in part) stays.
     */
    Replay replay(Actor actor, Selection selection);
}
