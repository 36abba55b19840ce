package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.EventBatch;
import dev.deliverytracker.application.port.QuarantinedBatch;
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
            String reason, Instant receivedAt) {
    }

    public record Refused(long id, EventBatch batch, String reason) {
    }

    private final Map<String, Kept> kept = new LinkedHashMap<>();
    private final List<Refused> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Long> released = new java.util.ArrayList<>();

    @Override
    public synchronized void keep(OrganizationId organization, AccountSid signedBy, StreamedEvent event,
            Disposition disposition, String reason, Instant receivedAt) {
        kept.putIfAbsent(organization.value() + "/" + event.id(), new Kept(organization, signedBy, event, disposition,
                reason, receivedAt));
    }

    @Override
    public synchronized void keep(EventBatch batch, String reason) {
        refused.add(new Refused(refused.size() + released.size() + 1, batch, reason));
    }

    /** Kept whole, however large: the size limit is the table's. */
    @Override
    public synchronized List<QuarantinedBatch> of(AccountSid account, Instant from, Instant to, int limit) {
        return refused.stream()
                .filter(kept -> kept.batch().events().stream()
                        .anyMatch(event -> event.field("accountSid").filter(account.value()::equals).isPresent())
                        || kept.batch().queryParameter("account").filter(account.value()::equals).isPresent())
                .filter(kept -> !kept.batch().receivedAt().isBefore(from) && kept.batch().receivedAt().isBefore(to))
                // Oldest first, as the port says (RefusedEventBatchesContract found the fake listing in keeping order).
                .sorted(java.util.Comparator.comparing((Refused kept) -> kept.batch().receivedAt())
                        .thenComparingLong(Refused::id))
                .limit(limit)
                .map(kept -> new QuarantinedBatch(kept.id(), kept.batch(), kept.reason(), kept.batch().body().length(),
                        true))
                .toList();
    }

    @Override
    public synchronized void release(long id) {
        refused.removeIf(kept -> {
            boolean leaves = kept.id() == id;
            if (leaves) {
                released.add(id);
            }
            return leaves;
        });
    }

    public synchronized List<Kept> kept() {
        return List.copyOf(kept.values());
    }

    public List<Refused> refused() {
        return List.copyOf(refused);
    }
}
