package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.domain.OrganizationId;

/** Each organization's choice of what to do with sends outside the WhatsApp window. */
public interface WindowEnforcements {

    /** {@link WindowEnforcement#OFF} when the organization never chose. */
    WindowEnforcement of(OrganizationId organization);

    void set(OrganizationId organization, WindowEnforcement enforcement);
}
