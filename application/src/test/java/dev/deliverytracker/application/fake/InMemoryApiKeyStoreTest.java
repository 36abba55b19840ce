package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.ApiKeyStore;
import dev.deliverytracker.domain.OrganizationId;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryApiKeyStoreTest extends ApiKeyStoreContract {

    private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    private final AtomicLong organizations = new AtomicLong();

    @Override
    protected ApiKeyStore keys() {
        return keys;
    }

    @Override
    protected OrganizationId newOrganization() {
        return OrganizationId.of(organizations.incrementAndGet());
    }
}
