package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.DeliveryObservations;
import dev.deliverytracker.domain.DeliveryObservation;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Observations a test sets per organization; anything not set is an organization with no traffic. */
public final class SettableDeliveryObservations implements DeliveryObservations {

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

    /** Every observation of this organization fails, as a database outage would. */
    public void breakFor(OrganizationId organization, RuntimeException failure) {
        broken.put(organization, failure);
    }

    @Override
    public DeliveryObservation.FailureCounts failures(OrganizationId organization, Instant since) {
        check(organization);
        return failures.getOrDefault(organization, new DeliveryObservation.FailureCounts(0, 0));
    }

    @Override
    public DeliveryObservation.ErrorCount errors(OrganizationId organization, int errorCode, Instant since) {
        check(organization);
        DeliveryObservation.ErrorCount count = errors.get(organization);
        return count != null && count.errorCode() == errorCode ? count : new DeliveryObservation.ErrorCount(errorCode, 0);
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
