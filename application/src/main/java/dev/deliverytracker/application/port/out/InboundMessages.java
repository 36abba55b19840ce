package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.InboundMessage;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Messages customers sent to an organization's numbers, and the windows they open. They are messages of
 * direction incoming, read with the outgoing ones through {@link MessageQueries}.
 */
public interface InboundMessages {

    /** Stores the message once per organization and SID; answers whether it was new. */
    boolean add(InboundMessage message);

    /** The window of the customer's latest message to any of the organization's numbers. */
    Optional<CustomerServiceWindow> latestWindow(OrganizationId organization, Address customer);

    /**
     * The window of the customer's latest message to this one business number: WhatsApp opens a
     * window between a customer and the number they wrote to, not the whole organization.
     */
    Optional<CustomerServiceWindow> latestWindow(OrganizationId organization, Address customer, Address business);

    /**
     * One window per customer and business number whose customer wrote at or after {@code since},
     * latest first, at most {@code limit}.
     */
    List<CustomerServiceWindow> windowsSince(OrganizationId organization, Instant since, int limit);
}
