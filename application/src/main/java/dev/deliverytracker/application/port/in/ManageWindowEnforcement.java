package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.domain.OrganizationId;

/** Sets what the send use case does with free-form WhatsApp sends outside the window. */
public interface ManageWindowEnforcement {

    void set(Actor actor, OrganizationId organization, WindowEnforcement enforcement);
}
