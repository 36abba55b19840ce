package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.AdmitSendRequest.Admission;
import dev.deliverytracker.application.port.in.AdmitSendRequest;
import org.springframework.stereotype.Component;

/** The door of every endpoint that makes Twilio traffic: over the send budget, the request stops here with a 429. */
@Component
class SendBudgetGate {

    private final AdmitSendRequest admission;

    SendBudgetGate(AdmitSendRequest admission) {
        this.admission = admission;
    }

    void admit(ApiCaller caller) {
        Admission outcome = admission.admit(caller);
        if (outcome instanceof Admission.OverBudget over) {
            throw new SendBudgetExceeded(over);
        }
    }
}
