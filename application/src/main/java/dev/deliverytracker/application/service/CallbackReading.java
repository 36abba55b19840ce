package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.StatusCallbackAddress;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;

/**
 * Reads Twilio's status parameters into an event. Twilio sends the legacy twins {@code SmsSid} and
 * {@code SmsStatus} too; they are the fallback, never a contradiction we reject.
 */
final class CallbackReading {

    private CallbackReading() {
    }

    static DeliveryEvent event(StatusCallback callback) {
        String sid = callback.first("MessageSid").or(() -> callback.first("SmsSid"))
                .orElseThrow(() -> new IllegalArgumentException("MessageSid is required"));
        String status = callback.first("MessageStatus").or(() -> callback.first("SmsStatus"))
                .orElseThrow(() -> new IllegalArgumentException("MessageStatus is required"));
        DeliveryError error = DeliveryError.parse(callback.first("ErrorCode").orElse(null),
                callback.first("ErrorMessage").orElse(null));
        return new DeliveryEvent(MessageSid.of(sid), status, error, EventSource.CALLBACK, callback.receivedAt());
    }

    static MessageLookup lookup(StatusCallback callback) {
        return callback.queryParameter(StatusCallbackAddress.MESSAGE_ID_PARAMETER)
                .map(id -> MessageLookup.byId(MessageId.parse(id)))
                .orElseGet(MessageLookup::bySid);
    }
}
