package dev.deliverytracker.application.port.in;

import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertRuleId;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;

/** An organization's alert rules: what to watch and where to post. */
public interface ManageAlertRules {

    AlertRule create(CreateAlertRuleCommand command);

    List<AlertRule> list(OrganizationId organization);

    /** Deletes a rule of this organization (closing its open incident); false if it has no such rule. */
    boolean delete(OrganizationId organization, AlertRuleId rule);
}
