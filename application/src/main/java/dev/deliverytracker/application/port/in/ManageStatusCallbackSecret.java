package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import java.time.Duration;
import java.util.Optional;

/**
 * The secret that signs an organization's per-message status callbacks (the {@code statusCallback} of
 * a send request): one per organization, so that a caller can verify any message's callbacks without
 * a secret per message.
 */
public interface ManageStatusCallbackSecret {

    /**
     * Makes the organization's first secret, or a new one while the current one keeps signing beside it
     * for {@code overlap}. The answer is the only place the new secret is shown.
     */
    Subscription createOrRotate(Actor actor, OrganizationId organization, Duration overlap);

    /** The organization's signer (its secrets are not to be shown again), once it has one. */
    Optional<Subscription> find(Actor actor, OrganizationId organization);
}
