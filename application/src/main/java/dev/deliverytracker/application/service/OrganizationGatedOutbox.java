package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.OrganizationId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox as dispatchers see it: messages of a disabled organization are not handed out. They were
 * accepted before it was disabled, so they are neither sent nor failed: each waits in the outbox,
 * without using an attempt, with the reason on its entry, and is looked at again every
 * {@code lookAgain}, so enabling the organization sends them.
 */
public final class OrganizationGatedOutbox implements Outbox {

    private static final System.Logger LOG = System.getLogger(OrganizationGatedOutbox.class.getName());

    private final Outbox outbox;
    private final OrganizationDirectory organizations;
    private final Duration lookAgain;

    public OrganizationGatedOutbox(Outbox outbox, OrganizationDirectory organizations, Duration lookAgain) {
        this.outbox = outbox;
        this.organizations = organizations;
        this.lookAgain = lookAgain;
    }

    /** Why a disabled organization's message waits: on its outbox entry and in the message API alike. */
    static String heldBecause(OrganizationId organization) {
        return "organization " + organization + " is disabled: the message waits until it is enabled again";
    }

    @Override
    public List<Claim> claimDue(int limit, Instant now, Duration lease) {
        List<Claim> claimed = outbox.claimDue(limit, now, lease);
        Map<OrganizationId, Boolean> enabled = new HashMap<>();
        Map<OrganizationId, Integer> held = new HashMap<>();
        List<Claim> sendable = new ArrayList<>(claimed.size());
        for (Claim claim : claimed) {
            OrganizationId organization = claim.message().organization();
            boolean sends = enabled.computeIfAbsent(organization, id -> organizations.find(id)
                    .map(Organization::enabled).orElse(true));
            if (sends) {
                sendable.add(claim);
            } else {
                outbox.hold(claim.message().id().orElseThrow(), now.plus(lookAgain), heldBecause(organization));
                held.merge(organization, 1, Integer::sum);
            }
        }
        held.forEach((organization, count) -> LOG.log(System.Logger.Level.INFO,
                "organization {0} is disabled: {1} message(s) wait in the outbox until it is enabled again",
                organization, count));
        return sendable;
    }

    @Override
    public Enqueued enqueue(Message pending, String requestFingerprint, Instant dueAt, Optional<URI> statusCallback) {
        return outbox.enqueue(pending, requestFingerprint, dueAt, statusCallback);
    }

    @Override
    public Optional<Message> retry(MessageId id, Instant dueAt) {
        return outbox.retry(id, dueAt);
    }

    @Override
    public void retryLater(MessageId id, Instant dueAt, String reason, boolean inDoubt) {
        outbox.retryLater(id, dueAt, reason, inDoubt);
    }

    @Override
    public void pace(MessageId id, Instant until) {
        outbox.pace(id, until);
    }

    @Override
    public void hold(MessageId id, Instant until, String reason) {
        outbox.hold(id, until, reason);
    }

    @Override
    public Optional<Instant> pacedUntil(MessageId id) {
        return outbox.pacedUntil(id);
    }
}
