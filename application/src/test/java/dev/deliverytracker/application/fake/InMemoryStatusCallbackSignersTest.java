package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.domain.OrganizationId;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryStatusCallbackSignersTest extends StatusCallbackSignersContract {

    private final InMemorySubscriptions store = new InMemorySubscriptions();
    private final AtomicLong organizations = new AtomicLong();

    @Override
    protected StatusCallbackSigners signers() {
        return store;
    }

    @Override
    protected Subscriptions subscriptions() {
        return store;
    }

    @Override
    protected OrganizationId newOrganization() {
        return OrganizationId.of(organizations.incrementAndGet());
    }
}
