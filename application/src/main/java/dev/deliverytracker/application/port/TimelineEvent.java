package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One recorded event. {@code reportedStatus} is Twilio's word as it came; {@code sid} is "" for a
 * send failure (Twilio never gave one); {@code payload} is empty unless it was asked for.
 */
public record TimelineEvent(String reportedStatus, DeliveryError error, EventSource source, Instant receivedAt,
        String sid, Optional<Map<String, List<String>>> payload) {

    public TimelineEvent {
        sid = sid == null ? "" : sid;
        payload = payload == null ? Optional.empty() : payload;
    }

    public DeliveryStatus status() {
        return DeliveryStatus.lookup(reportedStatus).orElse(DeliveryStatus.UNKNOWN);
    }
}
