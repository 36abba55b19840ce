package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.RefusedCallbacks;

class KeptRefusedCallbacksTest extends RefusedCallbacksContract {

    private final KeptRefusedCallbacks quarantine = new KeptRefusedCallbacks();

    @Override
    protected RefusedCallbacks quarantine() {
        return quarantine;
    }
}
