package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.domain.OrganizationId;
import java.util.concurrent.atomic.AtomicLong;

class InMemorySubscriptionsTest extends SubscriptionsContract {

    private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    private final AtomicLong organizations = new AtomicLong();

    @Override
    protected Subscriptions subscriptions() {
        return subscriptions;
    }

    @Override
    protected OrganizationId newOrganization() {
        return OrganizationId.of(organizations.incrementAndGet());
    }
}
