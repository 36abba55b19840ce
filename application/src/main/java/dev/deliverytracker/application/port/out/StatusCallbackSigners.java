package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import java.util.Optional;

/**
 * Each organization's signer of per-message status callbacks: its secret (with a rotation's previous
 * one) kept as a subscription of its own, hidden from the organization's subscriptions, under whose
 * id the callbacks are queued, claimed and dead-lettered. Its URL is {@link #SIGNER_URL}: every
 * notification carries the URL its message was sent with.
 */
public interface StatusCallbackSigners {

    /** The placeholder URL of every signer; never posted to. */
    java.net.URI SIGNER_URL = java.net.URI.create("urn:delivery-tracker:status-callbacks");

    /** The organization's signer, once it has made its status-callback secret. */
    Optional<Subscription> signerOf(OrganizationId organization);

    /** Stores the organization's first signer, or its rotated secrets; answers it with its id. */
    Subscription saveSigner(Subscription signer);
}
