package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.application.port.in.FindCustomerServiceWindows;
import dev.deliverytracker.application.port.in.ManageWindowEnforcement;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the windows inbound messages opened, and keeps each organization's enforcement. */
public final class CustomerServiceWindowService implements FindCustomerServiceWindows, ManageWindowEnforcement {

    private final InboundMessages inbound;
    private final WindowEnforcements enforcements;
    private final Clock clock;

    public CustomerServiceWindowService(InboundMessages inbound, WindowEnforcements enforcements, Clock clock) {
        this.inbound = inbound;
        this.enforcements = enforcements;
        this.clock = clock;
    }

    @Override
    public Optional<CustomerServiceWindow> of(Actor actor, OrganizationId organization, Address customer) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "organization");
        return inbound.latestWindow(organization, customer);
    }

    @Override
    public List<CustomerServiceWindow> openNow(Actor actor, OrganizationId organization, int limit) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "organization");
        Instant now = clock.instant();
        return inbound.windowsSince(organization, now.minus(CustomerServiceWindow.LENGTH), limit).stream()
                .filter(window -> window.isOpenAt(now)).toList();
    }

    @Override
    public WindowEnforcement enforcement(Actor actor, OrganizationId organization) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "organization");
        return enforcements.of(organization);
    }

    @Override
    public void set(Actor actor, OrganizationId organization, WindowEnforcement enforcement) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        if (enforcement == null) {
            throw new IllegalArgumentException("mode is required: refuse, warn or off");
        }
        enforcements.set(organization, enforcement);
    }
}
