package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.SendingPace;

class InMemorySendingPaceTest extends SendingPaceContract {

    private final InMemorySendingPace pace = new InMemorySendingPace();

    @Override
    protected SendingPace pace() {
        return pace;
    }
}
