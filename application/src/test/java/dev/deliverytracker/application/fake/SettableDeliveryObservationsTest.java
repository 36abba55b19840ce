package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.DeliveryObservations;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

class SettableDeliveryObservationsTest extends DeliveryObservationsContract {

    private final SettableDeliveryObservations observations = new SettableDeliveryObservations();
    private final AtomicLong organizations = new AtomicLong();

    @Override
    protected DeliveryObservations observations() {
        return observations;
    }

    @Override
    protected OrganizationId newOrganization() {
        return OrganizationId.of(organizations.incrementAndGet());
    }

    @Override
    protected void outgoing(OrganizationId organization, String status, Instant createdAt, Integer errorCode,
            Instant failedAt) {
        observations.outgoing(organization, status, createdAt, errorCode, failedAt);
    }
}
