package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.AlertHistory;
import dev.deliverytracker.application.port.out.AlertRules;
import dev.deliverytracker.domain.OrganizationId;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryAlertStoreTest extends AlertStoreContract {

    private final InMemoryAlertHistory history = new InMemoryAlertHistory();
    private final InMemoryAlertRules rules = new InMemoryAlertRules(history);
    private final AtomicLong organizations = new AtomicLong();

    @Override
    protected AlertRules rules() {
        return rules;
    }

    @Override
    protected AlertHistory history() {
        return history;
    }

    @Override
    protected OrganizationId newOrganization() {
        return OrganizationId.of(organizations.incrementAndGet());
    }
}
