package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.RefusedEventBatches;

class InMemoryRefusedEventBatchesTest extends RefusedEventBatchesContract {

    private final InMemoryStreamEvents quarantine = new InMemoryStreamEvents();

    @Override
    protected RefusedEventBatches quarantine() {
        return quarantine;
    }
}
