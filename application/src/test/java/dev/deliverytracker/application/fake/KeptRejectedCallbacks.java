package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.application.port.out.RejectedCallbacks;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class KeptRejectedCallbacks implements RejectedCallbacks {

    public record Kept(StatusCallback callback, String reason) {
    }

    private final List<Kept> kept = new CopyOnWriteArrayList<>();

    @Override
    public void keep(StatusCallback callback, String reason) {
        kept.add(new Kept(callback, reason));
    }

    public List<Kept> kept() {
        return List.copyOf(kept);
    }
}
