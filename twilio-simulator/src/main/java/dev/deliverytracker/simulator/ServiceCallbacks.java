package dev.deliverytracker.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Status Callback URLs set on Messaging Services, as in Twilio's console: a message sent through a
 * service without a StatusCallback of its own has its callbacks posted there. A message's own URL
 * wins over its service's.
 */
final class ServiceCallbacks {

    private final Map<String, String> urls = new ConcurrentHashMap<>();

    void set(String messagingServiceSid, String statusCallback) {
        if (messagingServiceSid == null || !messagingServiceSid.matches("MG[0-9a-f]{32}")) {
            throw new IllegalArgumentException("a Messaging Service SID is MG + 32 hex digits, got " + messagingServiceSid);
        }
        if (statusCallback == null || statusCallback.isBlank()) {
            urls.remove(messagingServiceSid);
        } else {
            urls.put(messagingServiceSid, statusCallback);
        }
    }

    /** Where the callbacks of {@code message} go: its own URL, else its service's, else nowhere (empty). */
    String urlFor(SimulatedMessage message) {
        if (!message.statusCallback().isEmpty()) {
            return message.statusCallback();
        }
        return Optional.ofNullable(urls.get(message.messagingServiceSid())).orElse("");
    }
}
