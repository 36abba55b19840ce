package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.application.port.QuarantinedCallback;
import dev.deliverytracker.application.port.out.RefusedCallbacks;
import dev.deliverytracker.domain.AccountSid;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The quarantine in memory, without a cap: tests of the cap run against PostgreSQL. */
public final class KeptRefusedCallbacks implements RefusedCallbacks {

    public record Kept(long id, StatusCallback callback, String reason) {
    }

    private final List<Kept> kept = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public void keep(StatusCallback callback, String reason) {
        kept.add(new Kept(ids.incrementAndGet(), callback, reason));
    }

    @Override
    public List<QuarantinedCallback> of(AccountSid account, Instant from, Instant to, int limit) {
        return kept.stream()
                .filter(k -> k.callback().first("AccountSid").filter(account.value()::equals).isPresent())
                .filter(k -> !k.callback().receivedAt().isBefore(from) && k.callback().receivedAt().isBefore(to))
                .sorted(Comparator.comparing((Kept k) -> k.callback().receivedAt()).thenComparing(Kept::id))
                .limit(limit)
                .map(k -> new QuarantinedCallback(k.id(), k.callback(), k.reason()))
                .toList();
    }

    @Override
    public void release(long id) {
        kept.removeIf(k -> k.id() == id);
    }

    public List<Kept> kept() {
        return List.copyOf(kept);
    }
}
