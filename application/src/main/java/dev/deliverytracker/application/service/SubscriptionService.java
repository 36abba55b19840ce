package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.DeadLetter;
import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.in.ManageDeadLetters;
import dev.deliverytracker.application.port.in.ManageSubscriptions;
import dev.deliverytracker.application.port.in.SubscriptionRequest;
import dev.deliverytracker.application.port.out.NotificationOutbox;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.OutgoingNotification;
import dev.deliverytracker.application.port.out.ReceiverAddresses;
import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.SubscriptionId;
import dev.deliverytracker.domain.WebhookSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Subscriptions and their dead letters, each only ever of the caller's organization. A URL is checked
 * against the SSRF rules when it is saved (and again by the sender before every post, since a name
 * can come to resolve elsewhere).
 */
public final class SubscriptionService implements ManageSubscriptions, ManageDeadLetters {

    private static final Duration TEST_WAIT = Duration.ofSeconds(30);

    private final Subscriptions subscriptions;
    private final NotificationOutbox outbox;
    private final NotificationSender sender;
    private final ReceiverAddresses addresses;
    private final Clock clock;

    public SubscriptionService(Subscriptions subscriptions, NotificationOutbox outbox, NotificationSender sender,
            ReceiverAddresses addresses, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.sender = sender;
        this.addresses = addresses;
        this.clock = clock;
    }

    @Override
    public Outcome create(Actor actor, OrganizationId organization, SubscriptionRequest request) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        Optional<String> refusal = addresses.refusal(request.url());
        if (refusal.isPresent()) {
            return new Outcome.Refused(refusal.get());
        }
        return new Outcome.Saved(subscriptions.add(Subscription.create(organization, request.url(), request.scope(),
                request.channels(), request.tags(), clock.instant())));
    }

    @Override
    public Outcome change(Actor actor, OrganizationId organization, SubscriptionId id, SubscriptionRequest request) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        Optional<Subscription> known = subscriptions.find(organization, id);
        if (known.isEmpty()) {
            return new Outcome.NotFound();
        }
        Optional<String> refusal = addresses.refusal(request.url());
        if (refusal.isPresent()) {
            return new Outcome.Refused(refusal.get());
        }
        Subscription changed = known.get().changed(request.url(), request.scope(), request.channels(), request.tags());
        return subscriptions.save(changed) ? new Outcome.Saved(changed) : new Outcome.NotFound();
    }

    @Override
    public List<Subscription> list(Actor actor, OrganizationId organization) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "organization");
        return subscriptions.of(organization);
    }

    @Override
    public Optional<Subscription> find(Actor actor, OrganizationId organization, SubscriptionId id) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "organization");
        return subscriptions.find(organization, id);
    }

    @Override
    public Optional<Subscription> pause(Actor actor, OrganizationId organization, SubscriptionId id) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        return subscriptions.find(organization, id).map(known -> known.paused("paused through the API"))
                .filter(subscriptions::save);
    }

    @Override
    public Optional<Subscription> enable(Actor actor, OrganizationId organization, SubscriptionId id) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        return subscriptions.find(organization, id).map(Subscription::resumed).filter(subscriptions::save);
    }

    @Override
    public boolean delete(Actor actor, OrganizationId organization, SubscriptionId id) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        return subscriptions.remove(organization, id);
    }

    @Override
    public Outcome rotateSecret(Actor actor, OrganizationId organization, SubscriptionId id, Duration overlap) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        if (overlap == null || overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must be a duration of zero or more, was " + overlap);
        }
        Optional<Subscription> rotated = subscriptions.find(organization, id)
                .map(known -> known.rotated(WebhookSecret.generate(), clock.instant().plus(overlap)))
                .filter(subscriptions::save);
        return rotated.<Outcome>map(Outcome.Saved::new).orElseGet(Outcome.NotFound::new);
    }

    @Override
    public Optional<ReceiverAnswer> sendTest(Actor actor, OrganizationId organization, SubscriptionId id) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        Optional<Subscription> known = subscriptions.find(organization, id);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String eventId = "evt_test_" + UUID.randomUUID().toString().replace("-", "");
        Subscription subscription = known.get();
        OutgoingNotification test = new OutgoingNotification(id, subscription.url(), eventId,
                NotificationEvents.testBody(eventId, now), subscription.signingSecrets(now), now);
        try {
            return Optional.of(sender.send(test).get(TEST_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.of(new ReceiverAnswer.Unreachable("interrupted"));
        } catch (ExecutionException | TimeoutException failed) {
            return Optional.of(new ReceiverAnswer.Unreachable(failed.toString()));
        }
    }

    @Override
    public List<DeadLetter> deadLetters(Actor actor, OrganizationId organization, Optional<SubscriptionId> subscription, int limit) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "organization");
        return outbox.deadLetters(organization, subscription, Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public boolean replay(Actor actor, OrganizationId organization, long deliveryId) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        return outbox.replay(organization, deliveryId, clock.instant());
    }

    @Override
    public int replayAll(Actor actor, OrganizationId organization, Optional<SubscriptionId> subscription) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        return outbox.replayAll(organization, subscription, clock.instant());
    }
}
