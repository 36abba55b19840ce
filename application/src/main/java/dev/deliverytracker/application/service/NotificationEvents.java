package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.out.NotificationPlanner;
import dev.deliverytracker.application.port.out.PlannedNotification;
import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import dev.deliverytracker.application.port.out.StatusChange;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.TwilioError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a notification says, decided once for every store and sender: which subscriptions hear of a
 * change ({@link #plan}) and the JSON body, written here once so that the bytes signed, stored, retried
 * and replayed are always the same. The body follows the Standard Webhooks payload shape
 * ({@code type}, {@code timestamp}, {@code data}) and carries the message as the API shows it.
 */
public final class NotificationEvents {

    /** The version of the event's shape, in every body: raised when a field changes meaning or goes away. */
    public static final int VERSION = 1;

    /** The planner every store is handed: every enabled subscription that wants the change gets it. */
    public static final NotificationPlanner PLANNER = new NotificationPlanner() {
        @Override
        public List<PlannedNotification> plan(StatusChange change, List<Subscription> subscriptions) {
            return NotificationEvents.plan(change, subscriptions);
        }

        @Override
        public String type(StatusChange change) {
            return NotificationEvents.type(change.message().status());
        }

        @Override
        public String body(StatusChange change) {
            return NotificationEvents.body(change);
        }
    };

    private NotificationEvents() {
    }

    /**
     * Every enabled subscription that wants the change, and the message's own status callback, which
     * hears of every change of its message (as Twilio's {@code StatusCallback} does).
     */
    public static List<PlannedNotification> plan(StatusChange change, List<Subscription> subscriptions) {
        List<PlannedNotification> planned = new ArrayList<>();
        String body = null;
        for (Subscription subscription : subscriptions) {
            if (subscription.enabled() && !subscription.url().equals(StatusCallbackSigners.SIGNER_URL)
                    && subscription.wants(change.message())) {
                body = body == null ? body(change) : body;
                planned.add(new PlannedNotification(subscription.identity().orElseThrow(), change.eventId(),
                        type(change.message().status()), body));
            }
        }
        if (change.statusCallback().isPresent()) {
            planned.add(new PlannedNotification(new PlannedNotification.Recipient.StatusCallback(
                    change.statusCallback().get()), change.eventId(), type(change.message().status()),
                    body == null ? body(change) : body));
        }
        return planned;
    }

    /** {@code message.delivered}, {@code message.failed}, … one per status. */
    public static String type(DeliveryStatus status) {
        return "message." + status.wireName();
    }

    public static String body(StatusChange change) {
        return body(change.eventId(), type(change.message().status()), change.changedAt(), change.sequence(),
                change.message());
    }

    public static String body(String eventId, String type, Instant at, int sequence, Message message) {
        Json json = new Json();
        json.open().field("id", eventId).field("type", type).field("timestamp", at.toString())
                .field("sequence", sequence).field("version", VERSION).key("data").open().key("message");
        message(json, message);
        return json.close().close().toString();
    }

    private static void message(Json json, Message message) {
        String id = message.id().map(Object::toString).orElse(null);
        json.open().field("id", id)
                .field("sid", message.sid().map(sid -> sid.value()).orElse(null))
                .field("channel", message.channel().wireName())
                .field("to", message.to().toTwilio())
                .field("from", message.sender() instanceof Sender.Number number ? number.address().toTwilio() : null)
                .field("messagingServiceSid",
                        message.sender() instanceof Sender.Service service ? service.sid().value() : null)
                .field("contentSid",
                        message.content() instanceof MessageContent.Template template ? template.contentSid().value()
                                : null)
                .field("status", message.status().wireName())
                .field("terminal", message.isTerminal());
        json.key("error");
        if (message.error().isPresent()) {
            int code = message.error().code();
            TwilioError known = TwilioError.byCode(code).orElse(null);
            json.open().field("code", code).field("message", message.error().message())
                    .field("meaning", known == null ? null : known.title())
                    .field("retryable", known != null && known.isRetryable())
                    .field("suggestedAction", known == null ? null : known.suggestedAction())
                    .field("moreInfo", known == null ? "https://www.twilio.com/docs/errors/" + code : known.moreInfo())
                    .close();
        } else {
            json.nullValue();
        }
        json.key("milestones").open();
        message.milestones().asMap().forEach((milestone, at) ->
                json.field(milestone.name().toLowerCase(Locale.ROOT), at.toString()));
        json.close().field("attempt", message.attempts()).key("tags").open();
        new TreeMap<>(message.tags()).forEach(json::field);
        json.close()
                .field("idempotencyKey", message.idempotencyKey().orElse(null))
                .field("origin", message.origin().wireName())
                .field("createdAt", message.createdAt().toString())
                .field("statusUrl", id == null ? null : "/api/v1/messages/" + id)
                .close();
    }

    /** The test event a subscription's "send a test event" posts: shaped like a real one, about no real message. */
    public static String testBody(String eventId, Instant at) {
        return new Json().open().field("id", eventId).field("type", "message.test").field("timestamp", at.toString())
                .field("sequence", 0).field("version", VERSION).key("data").open().field("test", true).close().close().toString();
    }

    /** A JSON writer for the few shapes above; keys in the order written, strings escaped per RFC 8259. */
    private static final class Json {

        private final StringBuilder out = new StringBuilder(512);
        private boolean first = true;

        Json open() {
            out.append('{');
            first = true;
            return this;
        }

        Json close() {
            out.append('}');
            first = false;
            return this;
        }

        Json key(String name) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(name);
            out.append(':');
            return this;
        }

        Json field(String name, String value) {
            key(name);
            if (value == null) {
                out.append("null");
            } else {
                string(value);
            }
            return this;
        }

        Json field(String name, long value) {
            key(name);
            out.append(value);
            return this;
        }

        Json field(String name, boolean value) {
            key(name);
            out.append(value);
            return this;
        }

        Json nullValue() {
            out.append("null");
            return this;
        }

        private void string(String value) {
            out.append('"');
            int plain = plainPrefix(value);
            // Most values need no escaping: copied at once, not a character at a time (the fan-out writes one
            // body per status change, and this was most of its time).
            out.append(value, 0, plain);
            for (int i = plain; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        /** How many leading characters of {@code value} are written as they are. */
        private static int plainPrefix(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
                    return i;
                }
            }
            return value.length();
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

}
