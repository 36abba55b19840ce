package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.domain.AlertIncident;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;

/** An organization's incidents, newest first. */
public interface FindAlertHistory {

    int MAX_LIMIT = 500;

    /** At most {@code limit} (1 to {@value #MAX_LIMIT}) incidents, the newest first. */
    List<AlertIncident> recent(Actor actor, OrganizationId organization, int limit);
}
