package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.ManageStatusCallbackSecret;
import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import dev.deliverytracker.domain.NotificationScope;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.WebhookSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The organizations' status-callback secrets, rotated with an overlap like a subscription's. */
public final class StatusCallbackSecretService implements ManageStatusCallbackSecret {

    private final StatusCallbackSigners signers;
    private final Clock clock;

    public StatusCallbackSecretService(StatusCallbackSigners signers, Clock clock) {
        this.signers = signers;
        this.clock = clock;
    }

    @Override
    public Subscription createOrRotate(Actor actor, OrganizationId organization, Duration overlap) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        if (overlap == null || overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must be a duration of zero or more, was " + overlap);
        }
        Instant now = clock.instant();
        Subscription signer = signers.signerOf(organization)
                .map(current -> current.rotated(WebhookSecret.generate(), now.plus(overlap)))
                .orElseGet(() -> Subscription.create(organization, StatusCallbackSigners.SIGNER_URL,
                        NotificationScope.EVERY_STATUS, Set.of(), Map.of(), now));
        return signers.saveSigner(signer);
    }

    @Override
    public Optional<Subscription> find(Actor actor, OrganizationId organization) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "organization");
        return signers.signerOf(organization);
    }
}
