package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.EventBatch;
import dev.deliverytracker.application.port.StreamedEvent;
import dev.deliverytracker.application.port.out.KeptStreamEvents;
import dev.deliverytracker.application.port.out.RefusedEventBatches;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kept and refused Event Streams input in memory: once per organization and event id, like the table. */
public final class InMemoryStreamEvents implements KeptStreamEvents, RefusedEventBatches {

    public record Kept(OrganizationId organization, AccountSid signedBy, StreamedEvent event, Disposition disposition,
            String reason) {
    }

    public record Refused(EventBatch batch, String reason) {
    }

    private final Map<String, Kept> kept = new LinkedHashMap<>();
    private final List<Refused> refused = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public synchronized void keep(OrganizationId organization, AccountSid signedBy, StreamedEvent event,
            Disposition disposition, String reason, Instant receivedAt) {
        kept.putIfAbsent(organization.value() + "/" + event.id(), new Kept(organization, signedBy, event, disposition,
                reason));
    }

    @Override
    public void keep(EventBatch batch, String reason) {
        refused.add(new Refused(batch, reason));
    }

    public synchronized List<Kept> kept() {
        return List.copyOf(kept.values());
    }

    public List<Refused> refused() {
        return List.copyOf(refused);
    }
}
