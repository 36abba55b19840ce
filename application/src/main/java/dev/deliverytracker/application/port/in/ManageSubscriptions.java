package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.SubscriptionId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An organization's notification subscriptions. */
public interface ManageSubscriptions {

    /** The outcome of creating or changing a subscription. */
    sealed interface Outcome {

        /** Done; a new or rotated secret is shown here, and only here. */
        record Saved(Subscription subscription) implements Outcome {
        }

        /** The URL is not one notifications may go to. */
        record Refused(String reason) implements Outcome {
        }

        record NotFound() implements Outcome {
        }
    }

    Outcome create(Actor actor, OrganizationId organization, SubscriptionRequest request);

    Outcome change(Actor actor, OrganizationId organization, SubscriptionId id, SubscriptionRequest request);

    List<Subscription> list(Actor actor, OrganizationId organization);

    Optional<Subscription> find(Actor actor, OrganizationId organization, SubscriptionId id);

    Optional<Subscription> pause(Actor actor, OrganizationId organization, SubscriptionId id);

    Optional<Subscription> enable(Actor actor, OrganizationId organization, SubscriptionId id);

    boolean delete(Actor actor, OrganizationId organization, SubscriptionId id);

    /** A new secret signs from now on, the old one beside it for {@code overlap}. */
    Outcome rotateSecret(Actor actor, OrganizationId organization, SubscriptionId id, Duration overlap);

    /** Posts a {@code message.test} event to the subscription now and answers what the receiver said. */
    Optional<ReceiverAnswer> sendTest(Actor actor, OrganizationId organization, SubscriptionId id);
}
