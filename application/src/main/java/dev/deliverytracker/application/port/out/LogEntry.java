package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One event to keep in the delivery log, as the application attributed it: the organization whose log
 * it is in, the message it belongs to (none while it is unmatched), the account that reported it (none
 * for Twilio's answer to our own send), the raw payload and the caller's idempotency token.
 */
public record LogEntry(DeliveryEvent event, OrganizationId organization, Optional<MessageId> message,
        Optional<AccountSid> account, Map<String, List<String>> payload, String idempotencyToken) {

    public LogEntry {
        if (event == null || organization == null || message == null || account == null || payload == null) {
            throw new IllegalArgumentException("a log entry needs its event, organization, message, account "
                    + "and payload (the optional ones empty when there is none)");
        }
        payload = Map.copyOf(payload);
        idempotencyToken = idempotencyToken == null ? "" : idempotencyToken;
    }

    /** A reported event kept in {@code organization}'s log, attached to {@code message} if it has one. */
    public static LogEntry of(ReportedEvent reported, OrganizationId organization, Optional<MessageId> message) {
        return new LogEntry(reported.event(), organization, message, Optional.of(reported.account()),
                reported.payload(), reported.idempotencyToken());
    }

    /** Twilio's answer to our send of {@code message}: no account reported it and it has no payload. */
    public static LogEntry answerTo(Message message, DeliveryEvent answer) {
        return new LogEntry(answer, message.organization(), message.id(), Optional.empty(), Map.of(), "");
    }

    public String dedupeKey() {
        return event.dedupeKey();
    }
}
