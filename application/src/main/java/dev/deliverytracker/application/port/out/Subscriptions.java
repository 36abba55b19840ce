package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.SubscriptionId;
import java.util.List;
import java.util.Optional;

/** The organizations' notification subscriptions. */
public interface Subscriptions {

    /** Stores a new subscription and answers it with its id. */
    Subscription add(Subscription subscription);

    /** The subscription if it is of this organization. */
    Optional<Subscription> find(OrganizationId organization, SubscriptionId id);

    List<Subscription> of(OrganizationId organization);

    /** Writes a subscription's settings, state and secrets; false when it no longer exists. */
    boolean save(Subscription subscription);

    /** False when the organization has no such subscription. */
    boolean remove(OrganizationId organization, SubscriptionId id);
}
