package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;
import java.util.Map;

/**
 * An event together with what the log keeps beside it: the raw payload, the account that sent it and
 * the organization that account belongs to. An event only ever touches that organization's messages.
 * {@code adoption} says what that organization wants done when the event is about a message it did
 * not send through us and that nobody knows yet.
 */
public record ReportedEvent(DeliveryEvent event, MessageLookup lookup, OrganizationId organization, AccountSid account,
        Map<String, List<String>> payload, String idempotencyToken, AdoptionPolicy adoption) {

    public ReportedEvent {
        if (event == null || lookup == null || organization == null || account == null || adoption == null) {
            throw new IllegalArgumentException("a reported event needs the event, its lookup, organization and account");
        }
        payload = Map.copyOf(payload);
        idempotencyToken = idempotencyToken == null ? "" : idempotencyToken;
    }

    /** An event whose unknown SID is kept unmatched rather than adopted: polls, replays, answers. */
    public ReportedEvent(DeliveryEvent event, MessageLookup lookup, OrganizationId organization, AccountSid account,
            Map<String, List<String>> payload, String idempotencyToken) {
        this(event, lookup, organization, account, payload, idempotencyToken, AdoptionPolicy.KEEP_UNMATCHED);
    }
}
