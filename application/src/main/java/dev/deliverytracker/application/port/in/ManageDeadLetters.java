package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.DeadLetter;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.SubscriptionId;
import java.util.List;
import java.util.Optional;

/** Notifications given up on, and sending them again once the receiver is fixed. */
public interface ManageDeadLetters {

    List<DeadLetter> deadLetters(Actor actor, OrganizationId organization, Optional<SubscriptionId> subscription, int limit);

    boolean replay(Actor actor, OrganizationId organization, long deliveryId);

    int replayAll(Actor actor, OrganizationId organization, Optional<SubscriptionId> subscription);
}
