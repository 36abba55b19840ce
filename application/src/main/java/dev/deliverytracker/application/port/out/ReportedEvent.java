package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryEvent;
import java.util.List;
import java.util.Map;

/** An event together with what the log keeps beside it: the raw payload and who sent it. */
public record ReportedEvent(DeliveryEvent event, MessageLookup lookup, AccountSid account,
        Map<String, List<String>> payload, String idempotencyToken) {

    public ReportedEvent {
        if (event == null || lookup == null || account == null) {
            throw new IllegalArgumentException("a reported event needs the event, its lookup and the account");
        }
        payload = Map.copyOf(payload);
        idempotencyToken = idempotencyToken == null ? "" : idempotencyToken;
    }
}
