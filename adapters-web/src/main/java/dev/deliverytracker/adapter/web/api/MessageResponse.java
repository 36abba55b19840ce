package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.domain.Direction;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.domain.TwilioError;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A message as the API shows it; {@code origin} is {@code api} for a message sent through us and
 * {@code external} for one another application sent and the tracker adopted from its callbacks.
 * {@code direction} is {@code outgoing}, or {@code incoming} for a message a customer sent (Twilio Event
 * Streams): then {@code from} is the customer, {@code to} the organization's number, the status {@code received}.
 * {@code segments} and {@code price} appear once Twilio has told them, some time after the final status.
 * {@code heldBecause} says why a {@code pending} message is held back (its organization is disabled).
 */
public record MessageResponse(String id, String channel, String to, String from, String messagingServiceSid,
        String contentSid, String status, boolean terminal, String sid, Failure error,
        Map<String, Instant> milestones, int attempts, Map<String, String> tags, Instant createdAt, String statusUrl,
        Instant pacedUntil, String origin, Integer segments, Price price, String direction, String heldBecause) {

    /** What Twilio charged, exact, as a decimal string of money spent; absent until Twilio has priced it. */
    public record Price(String amount, String currency) {
    }

    /** Twilio's error with what it means and whether sending again can help. */
    public record Failure(int code, String message, String meaning, boolean retryable, String suggestedAction,
            String moreInfo) {
    }

    static MessageResponse of(Message message) {
        return of(message, null, MessageFacts.NONE, null);
    }

    /** With {@code pacedUntil}: the message waits in the outbox for its place in its sender's pace until then. */
    static MessageResponse of(Message message, Instant pacedUntil, MessageFacts charges, String heldBecause) {
        String id = message.id().orElseThrow().toString();
        Map<String, Instant> milestones = new LinkedHashMap<>();
        message.milestones().asMap().forEach((milestone, at) ->
                milestones.put(milestone.name().toLowerCase(Locale.ROOT), at));
        return new MessageResponse(id, message.channel().wireName(), message.to().toTwilio(),
                message.sender() instanceof Sender.Number number ? number.address().toTwilio() : null,
                message.sender() instanceof Sender.Service service ? service.sid().value() : null,
                message.content() instanceof MessageContent.Template template ? template.contentSid().value() : null,
                message.status().wireName(), message.isTerminal(), message.sid().map(MessageSid::value).orElse(null),
                failure(message), milestones, message.attempts(), message.tags(), message.createdAt(),
                "/api/v1/messages/" + id, pacedUntil, message.origin().wireName(), charges.segments(),
                charges.charged().map(charge -> new Price(charge.amount().toPlainString(),
                        charge.currency().getCurrencyCode())).orElse(null), Direction.OUTGOING.wireName(),
                heldBecause);
    }

    /** A message a customer sent, as the lists read it. */
    static MessageResponse incoming(MessageSummary message) {
        String id = message.id().toString();
        String prefix = message.channel().addressPrefix();
        return new MessageResponse(id, message.channel().wireName(), prefix + message.to(), prefix + message.from(),
                null, null, message.status().wireName(), true, message.sid().isEmpty() ? null : message.sid(), null,
                Map.of(), 0, Map.of(), message.createdAt(), "/api/v1/messages/" + id, null, null, null, null,
                message.direction().wireName(), null);
    }

    private static Failure failure(Message message) {
        if (!message.error().isPresent()) {
            return null;
        }
        int code = message.error().code();
        return TwilioError.byCode(code)
                .map(known -> new Failure(code, message.error().message(), known.title(), known.isRetryable(),
                        known.suggestedAction(), known.moreInfo()))
                .orElseGet(() -> new Failure(code, message.error().message(), null, false, null,
                        "https://www.twilio.com/docs/errors/" + code));
    }

}
