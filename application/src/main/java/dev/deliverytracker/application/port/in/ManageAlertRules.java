package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertRuleId;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;

/** An organization's alert rules: what to watch and where to post. */
public interface ManageAlertRules {

    /** Creating and deleting need the right to manage the organization, listing to read it ({@link AccessRefused}). */
    AlertRule create(Actor actor, CreateAlertRuleCommand command);

    List<AlertRule> list(Actor actor, OrganizationId organization);

    /** Deletes a rule of this organization (closing its open incident); false if it has no such rule. */
    boolean delete(Actor actor, OrganizationId organization, AlertRuleId rule);
}
