package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;
import java.util.Optional;

/** The WhatsApp customer service windows the organization's inbound messages opened. */
public interface FindCustomerServiceWindows {

    /** The window of the customer's latest message, open or not; empty when they never wrote. */
    Optional<CustomerServiceWindow> of(Actor actor, OrganizationId organization, Address customer);

    /** The windows open now, latest first, at most {@code limit}. */
    List<CustomerServiceWindow> openNow(Actor actor, OrganizationId organization, int limit);

    WindowEnforcement enforcement(Actor actor, OrganizationId organization);
}
