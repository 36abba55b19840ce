package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.TwilioAccountRegistry;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryTwilioAccountRegistryTest extends TwilioAccountRegistryContract {

    private final InMemoryTwilioAccountRegistry registry = new InMemoryTwilioAccountRegistry();
    private final AtomicLong organizations = new AtomicLong();

    @Override
    protected TwilioAccountRegistry registry() {
        return registry;
    }

    @Override
    protected OrganizationId newOrganization() {
        return OrganizationId.of(organizations.incrementAndGet());
    }

    @Override
    protected OrganizationId organizationConfiguredWith(AccountSid sid) {
        OrganizationId org = newOrganization();
        registry.configure(org, sid);
        return org;
    }

    @Override
    protected List<String> tokensOf(AccountSid sid) {
        return registry.tokensOf(sid);
    }
}
