package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.AdmitSendRequest;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.out.OrganizationSendLimits;
import dev.deliverytracker.application.port.out.SendBudgets;
import dev.deliverytracker.application.port.out.SendLimits;
import java.time.Duration;
import java.util.Optional;

/**
 * Two token buckets per request: the API key's, then its organization's. When the organization's
 * budget refuses, the key's token goes back, so a refused request costs nothing.
 */
public final class SendAdmissionService implements AdmitSendRequest {

    private static final System.Logger LOG = System.getLogger(SendAdmissionService.class.getName());

    private final SendBudgets budgets;
    private final OrganizationSendLimits limits;
    private final SendLimits defaults;

    public SendAdmissionService(SendBudgets budgets, OrganizationSendLimits limits, SendLimits defaults) {
        this.budgets = budgets;
        this.limits = limits;
        this.defaults = defaults;
    }

    @Override
    public Admission admit(ApiCaller caller) {
        SendLimits limitsOfCaller = limits.of(caller.organization(), defaults);
        String keyBucket = "send:key:" + caller.keyId();
        Optional<Duration> keyWait = budgets.take(keyBucket, limitsOfCaller.perApiKey());
        if (keyWait.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "send refused: API key {0} of organization {1} is over its budget of {2}",
                    caller.keyId(), caller.organization(), limitsOfCaller.perApiKey());
            return new Admission.OverBudget(Budget.API_KEY, limitsOfCaller.perApiKey(), keyWait.get());
        }
        Optional<Duration> organizationWait = budgets.take("send:org:" + caller.organization().value(),
                limitsOfCaller.perOrganization());
        if (organizationWait.isPresent()) {
            budgets.giveBack(keyBucket, limitsOfCaller.perApiKey());
            LOG.log(System.Logger.Level.INFO, "send refused: organization {0} is over its budget of {1}",
                    caller.organization(), limitsOfCaller.perOrganization());
            return new Admission.OverBudget(Budget.ORGANIZATION, limitsOfCaller.perOrganization(),
                    organizationWait.get());
        }
        return new Admission.Admitted();
    }
}
