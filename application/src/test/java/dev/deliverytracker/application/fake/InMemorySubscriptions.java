package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.SubscriptionId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Subscriptions in a map, for use-case tests. */
public final class InMemorySubscriptions implements Subscriptions, StatusCallbackSigners {

    private final Map<SubscriptionId, Subscription> byId = new LinkedHashMap<>();
    private long next = 1;

    @Override
    public synchronized Subscription add(Subscription subscription) {
        Subscription stored = subscription.withId(new SubscriptionId(next++));
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Subscription> find(OrganizationId organization, SubscriptionId id) {
        return held(organization, id).filter(found -> !isSigner(found));
    }

    /** A subscription or a status-callback signer of the organization: what the outbox delivers under. */
    public synchronized Optional<Subscription> held(OrganizationId organization, SubscriptionId id) {
        return Optional.ofNullable(byId.get(id)).filter(found -> found.organization().equals(organization));
    }

    @Override
    public synchronized Optional<Subscription> signerOf(OrganizationId organization) {
        return byId.values().stream().filter(found -> found.organization().equals(organization))
                .filter(InMemorySubscriptions::isSigner).findFirst();
    }

    @Override
    public synchronized Subscription saveSigner(Subscription signer) {
        if (signer.identity().isPresent()) {
            byId.put(signer.id(), signer);
            return signer;
        }
        // One signer per organization, as the table's unique index holds it (StatusCallbackSignersContract
        // found the fake keeping a second one).
        if (signerOf(signer.organization()).isPresent()) {
            throw new IllegalStateException("the status-callback secret of " + signer.organization()
                    + " was made by another request just now");
        }
        return add(signer);
    }

    private static boolean isSigner(Subscription subscription) {
        return subscription.url().equals(SIGNER_URL);
    }

    @Override
    public synchronized List<Subscription> of(OrganizationId organization) {
        List<Subscription> found = new ArrayList<>();
        byId.values().stream().filter(subscription -> subscription.organization().equals(organization))
                .filter(subscription -> !isSigner(subscription)).sorted(Comparator.comparing(subscription -> subscription.id().value())).forEach(found::add);
        return found;
    }

    @Override
    public synchronized boolean save(Subscription subscription) {
        return byId.replace(subscription.id(), subscription) != null;
    }

    @Override
    public synchronized boolean remove(OrganizationId organization, SubscriptionId id) {
        // A signer is not the organization's to remove through the subscriptions.
        return find(organization, id).map(found -> byId.remove(id) != null).orElse(false);
    }
}
