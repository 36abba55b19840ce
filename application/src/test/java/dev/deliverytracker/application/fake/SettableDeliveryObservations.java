package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.DeliveryObservations;
import dev.deliverytracker.domain.DeliveryObservation;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Observations a test sets per organization; anything not set is an organization with no traffic.
 * Failures and error bursts are also counted, as the SQL counts them, from the outgoing messages a test
 * {@link #outgoing records} (numbers a test sets still win); latency and callbacks are only ever set.
 */
public final class SettableDeliveryObservations implements DeliveryObservations {

    /** Still on its way: neither a success nor a failure yet, as the SQL excludes them. */
    private static final Set<String> UNDECIDED = Set.of("pending", "accepted", "scheduled", "queued", "sending",
            "unknown");

    private record Outgoing(OrganizationId organization, String status, Instant createdAt, Integer errorCode,
            Instant failedAt) {
    }

    private final List<Outgoing> messages = new CopyOnWriteArrayList<>();

    private final Map<OrganizationId, DeliveryObservation.FailureCounts> failures = new ConcurrentHashMap<>();
    private final Map<OrganizationId, DeliveryObservation.ErrorCount> errors = new ConcurrentHashMap<>();
    private final Map<OrganizationId, DeliveryObservation.Latency> latencies = new ConcurrentHashMap<>();
    private final Map<OrganizationId, DeliveryObservation.CallbackFlow> flows = new ConcurrentHashMap<>();
    private final Map<OrganizationId, DeliveryObservation.CallbackRefusals> refusals = new ConcurrentHashMap<>();
    private final Map<OrganizationId, RuntimeException> broken = new ConcurrentHashMap<>();

    public void failures(OrganizationId organization, long failed, long total) {
        failures.put(organization, new DeliveryObservation.FailureCounts(failed, total));
    }

    public void errors(OrganizationId organization, int code, long count) {
        errors.put(organization, new DeliveryObservation.ErrorCount(code, count));
    }

    public void latency(OrganizationId organization, DeliveryObservation.Latency latency) {
        latencies.put(organization, latency);
    }

    public void callbackFlow(OrganizationId organization, long accepted, long callbacks) {
        flows.put(organization, new DeliveryObservation.CallbackFlow(accepted, callbacks));
    }

    public void callbackRefusals(OrganizationId organization, long verified, long refused) {
        refusals.put(organization, new DeliveryObservation.CallbackRefusals(verified, refused));
    }

    /** An outgoing message in Twilio's status spelling; {@code errorCode} and {@code failedAt} may be null. */
    public void outgoing(OrganizationId organization, String status, Instant createdAt, Integer errorCode,
            Instant failedAt) {
        messages.add(new Outgoing(organization, status, createdAt, errorCode, failedAt));
    }

    /** Every observation of this organization fails, as a database outage would. */
    public void breakFor(OrganizationId organization, RuntimeException failure) {
        broken.put(organization, failure);
    }

    @Override
    public DeliveryObservation.FailureCounts failures(OrganizationId organization, Instant since) {
        check(organization);
        DeliveryObservation.FailureCounts set = failures.get(organization);
        if (set != null) {
            return set;
        }
        List<Outgoing> decided = messages.stream().filter(message -> message.organization().equals(organization)
                && !message.createdAt().isBefore(since) && !UNDECIDED.contains(message.status())).toList();
        long failed = decided.stream().filter(message -> Set.of("failed", "undelivered").contains(message.status()))
                .count();
        return new DeliveryObservation.FailureCounts(failed, decided.size());
    }

    @Override
    public DeliveryObservation.ErrorCount errors(OrganizationId organization, int errorCode, Instant since) {
        check(organization);
        DeliveryObservation.ErrorCount count = errors.get(organization);
        if (count != null && count.errorCode() == errorCode) {
            return count;
        }
        // Dated by when the message failed, not when it was created, as the SQL's failed_at.
        return new DeliveryObservation.ErrorCount(errorCode, messages.stream()
                .filter(message -> message.organization().equals(organization) && message.failedAt() != null
                        && !message.failedAt().isBefore(since) && Integer.valueOf(errorCode).equals(message.errorCode()))
                .count());
    }

    @Override
    public DeliveryObservation.Latency latency(OrganizationId organization, Instant since) {
        check(organization);
        return latencies.getOrDefault(organization, DeliveryObservation.Latency.none());
    }

    @Override
    public DeliveryObservation.CallbackFlow callbackFlow(OrganizationId organization, Instant since) {
        check(organization);
        return flows.getOrDefault(organization, new DeliveryObservation.CallbackFlow(0, 0));
    }

    @Override
    public DeliveryObservation.CallbackRefusals callbackRefusals(OrganizationId organization, Instant since) {
        check(organization);
        return refusals.getOrDefault(organization, new DeliveryObservation.CallbackRefusals(0, 0));
    }

    private void check(OrganizationId organization) {
        RuntimeException failure = broken.get(organization);
        if (failure != null) {
            throw failure;
        }
    }
}
