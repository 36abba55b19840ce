package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.KeptStreamEvents;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryKeptStreamEventsTest extends KeptStreamEventsContract {

    private final InMemoryStreamEvents events = new InMemoryStreamEvents();
    private final AtomicLong organizations = new AtomicLong();

    @Override
    protected KeptStreamEvents kept() {
        return events;
    }

    @Override
    protected OrganizationId newOrganization() {
        return OrganizationId.of(organizations.incrementAndGet());
    }

    @Override
    protected List<KeptEvent> keptFor(OrganizationId organization) {
        return events.kept().stream().filter(kept -> kept.organization().equals(organization))
                .map(kept -> new KeptEvent(kept.signedBy(), kept.event().id(), kept.event().type(), kept.disposition(),
                        kept.reason(), kept.event().json(), kept.receivedAt()))
                .toList();
    }
}
