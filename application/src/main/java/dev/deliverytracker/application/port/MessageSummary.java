package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Direction;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.Milestones;
import dev.deliverytracker.domain.Origin;
import java.time.Instant;
import java.util.Map;

/**
 * A message as lists, exports and timelines show it. {@code to} is the recipient's E.164 number,
 * {@code from} the sender's number or messaging service SID ("" for the organization's default),
 * {@code sid} Twilio's SID ("" before Twilio accepted it), {@code origin} whether it was sent through the API
 * or adopted from another application's callbacks. An {@link Direction#INCOMING} message is one a customer
 * sent: {@code from} is the customer, {@code to} the organization's number, its status {@code received}.
 */
public record MessageSummary(MessageId id, Channel channel, String to, String from, String sid,
        DeliveryStatus status, DeliveryError error, Map<String, String> tags, Milestones milestones, int attempts,
        Instant createdAt, Origin origin, Direction direction) {

    public MessageSummary {
        tags = Map.copyOf(tags);
        from = from == null ? "" : from;
        sid = sid == null ? "" : sid;
        origin = origin == null ? Origin.API : origin;
        direction = direction == null ? Direction.OUTGOING : direction;
    }

    /** A message the organization sent. */
    public MessageSummary(MessageId id, Channel channel, String to, String from, String sid, DeliveryStatus status,
            DeliveryError error, Map<String, String> tags, Milestones milestones, int attempts, Instant createdAt,
            Origin origin) {
        this(id, channel, to, from, sid, status, error, tags, milestones, attempts, createdAt, origin,
                Direction.OUTGOING);
    }

    /** The other person of the message: the recipient of what was sent, the sender of what came in. */
    public String counterpart() {
        return direction == Direction.INCOMING ? from : to;
    }

    public MessageCursor cursor() {
        return new MessageCursor(createdAt, id);
    }
}
