package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;
import java.util.Map;

/**
 * An event together with what the log keeps beside it: the raw payload, the account that sent it and
 * the organization that account belongs to. An event only ever touches that organization's messages.
 */
public record ReportedEvent(DeliveryEvent event, MessageLookup lookup, OrganizationId organization, AccountSid account,
        Map<String, List<String>> payload, String idempotencyToken) {

    public ReportedEvent {
        if (event == null || lookup == null || organization == null || account == null) {
            throw new IllegalArgumentException("a reported event needs the event, its lookup, organization and account");
        }
        payload = Map.copyOf(payload);
        idempotencyToken = idempotencyToken == null ? "" : idempotencyToken;
    }
}
