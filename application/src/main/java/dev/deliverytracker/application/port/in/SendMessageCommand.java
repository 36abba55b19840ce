package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What an internal service asks to send. Refuses bad input in its constructor with a message that
 * names the field; the addresses and content validate themselves.
 *
 * @param idempotencyKey the caller's key for this request, or empty when it gave none
 * @param statusCallback a URL of the caller's for this message's status changes (Twilio's
 *                       {@code StatusCallback}), posted like a subscription's notifications
 */
public record SendMessageCommand(ApiCaller caller, Address to, Sender sender, MessageContent content,
        Map<String, String> tags, String idempotencyKey, Optional<URI> statusCallback) {

    /** The longest status callback URL taken, as Twilio's own limit for its {@code StatusCallback}. */
    public static final int MAX_STATUS_CALLBACK_LENGTH = 1024;

    public static final int MAX_TAGS = 10;
    private static final Pattern TAG_KEY = Pattern.compile("[a-z0-9_.-]{1,40}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    public SendMessageCommand {
        if (caller == null || to == null || sender == null || content == null) {
            throw new IllegalArgumentException("a message needs its caller, a recipient, a sender and content");
        }
        if (sender instanceof Sender.Number number && number.address().channel() != to.channel()) {
            throw new IllegalArgumentException("from: " + number.address() + " is a " + number.address().channel()
                    .wireName() + " number, but the message goes by " + to.channel().wireName());
        }
        tags = new TreeMap<>(tags == null ? Map.of() : tags);
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("tags: at most " + MAX_TAGS + " tags, was " + tags.size());
        }
        tags.forEach((key, value) -> {
            if (key == null || !TAG_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("tags: a key must be 1 to 40 of a-z, 0-9, '_', '.', '-', was '"
                        + (key == null ? "" : key.substring(0, Math.min(key.length(), 40))) + "'");
            }
            if (value == null || value.length() > 200) {
                throw new IllegalArgumentException("tags." + key + ": a value must be 0 to 200 characters");
            }
            MessageContent.requireText("tags." + key, value);
        });
        tags = Map.copyOf(tags);
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey;
        if (!idempotencyKey.isEmpty() && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new IllegalArgumentException(
                    "Idempotency-Key must be 1 to 255 visible ASCII characters without spaces");
        }
        statusCallback = statusCallback == null ? Optional.empty() : statusCallback;
        statusCallback.ifPresent(SendMessageCommand::requireCallbackShape);
    }

    public SendMessageCommand(ApiCaller caller, Address to, Sender sender, MessageContent content,
            Map<String, String> tags, String idempotencyKey) {
        this(caller, to, sender, content, tags, idempotencyKey, Optional.empty());
    }

    /** The shape only; where it may point is the SSRF rules' decision, made when the message is sent. */
    private static void requireCallbackShape(URI url) {
        if (url.toString().length() > MAX_STATUS_CALLBACK_LENGTH) {
            throw new IllegalArgumentException("statusCallback: at most " + MAX_STATUS_CALLBACK_LENGTH
                    + " characters, was " + url.toString().length());
        }
        if (!url.isAbsolute() || url.isOpaque() || url.getHost() == null) {
            throw new IllegalArgumentException("statusCallback: must be an absolute https URL with a host, "
                    + "like https://orders.example.com/hooks/messages");
        }
    }

    /** The organization the message is sent for: the caller's. */
    public OrganizationId organization() {
        return caller.organization();
    }

    public Optional<String> idempotencyKeyIfAny() {
        return idempotencyKey.isEmpty() ? Optional.empty() : Optional.of(idempotencyKey);
    }
}
