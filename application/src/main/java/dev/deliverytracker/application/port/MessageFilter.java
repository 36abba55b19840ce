package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.Direction;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Origin;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which of an organization's messages a list or an export shows. Every criterion is optional and
 * they all must hold; {@code createdFrom} is included, {@code createdUntil} excluded; {@code sidPrefix}
 * is the start of Twilio's message SID (a whole SID is a prefix of itself), matched case-sensitively.
 */
public record MessageFilter(OrganizationId organization, Optional<DeliveryStatus> status, Optional<Channel> channel,
        Optional<Address> to, Optional<Integer> errorCode, Optional<Tag> tag, Optional<Instant> createdFrom,
        Optional<Instant> createdUntil, Optional<String> sidPrefix, Optional<Origin> origin,
        Optional<Direction> direction) {

    /** One {@code key:value} pair a message's tags must contain. */
    public record Tag(String key, String value) {

        public Tag {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("a tag filter is 'key:value' with a non-empty key");
            }
        }
    }

    /** A SID is two letters and 32 hex digits: a prefix is 1 to 34 letters and digits. */
    private static final Pattern SID_PREFIX = Pattern.compile("[A-Za-z0-9]{1,34}");

    public MessageFilter {
        if (organization == null) {
            throw new IllegalArgumentException("a message filter needs the organization");
        }
        status = status == null ? Optional.empty() : status;
        channel = channel == null ? Optional.empty() : channel;
        to = to == null ? Optional.empty() : to;
        errorCode = errorCode == null ? Optional.empty() : errorCode;
        tag = tag == null ? Optional.empty() : tag;
        createdFrom = createdFrom == null ? Optional.empty() : createdFrom;
        createdUntil = createdUntil == null ? Optional.empty() : createdUntil;
        sidPrefix = sidPrefix == null ? Optional.empty() : sidPrefix;
        origin = origin == null ? Optional.empty() : origin;
        direction = direction == null ? Optional.empty() : direction;
        sidPrefix.ifPresent(prefix -> {
            if (!SID_PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("must be the start of a Twilio SID: 1 to 34 letters and digits");
            }
        });
    }

    /** Messages of either direction. */
    public MessageFilter(OrganizationId organization, Optional<DeliveryStatus> status, Optional<Channel> channel,
            Optional<Address> to, Optional<Integer> errorCode, Optional<Tag> tag, Optional<Instant> createdFrom,
            Optional<Instant> createdUntil, Optional<String> sidPrefix, Optional<Origin> origin) {
        this(organization, status, channel, to, errorCode, tag, createdFrom, createdUntil, sidPrefix, origin,
                Optional.empty());
    }

    /** Every message of the organization. */
    public static MessageFilter all(OrganizationId organization) {
        return new MessageFilter(organization, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public MessageFilter withStatus(DeliveryStatus value) {
        return new MessageFilter(organization, Optional.of(value), channel, to, errorCode, tag, createdFrom,
                createdUntil, sidPrefix, origin, direction);
    }

    public MessageFilter withChannel(Channel value) {
        return new MessageFilter(organization, status, Optional.of(value), to, errorCode, tag, createdFrom,
                createdUntil, sidPrefix, origin, direction);
    }

    public MessageFilter withTo(Address value) {
        return new MessageFilter(organization, status, channel, Optional.of(value), errorCode, tag, createdFrom,
                createdUntil, sidPrefix, origin, direction);
    }

    public MessageFilter withErrorCode(int value) {
        return new MessageFilter(organization, status, channel, to, Optional.of(value), tag, createdFrom,
                createdUntil, sidPrefix, origin, direction);
    }

    public MessageFilter withTag(Tag value) {
        return new MessageFilter(organization, status, channel, to, errorCode, Optional.of(value), createdFrom,
                createdUntil, sidPrefix, origin, direction);
    }

    public MessageFilter createdFrom(Instant value) {
        return new MessageFilter(organization, status, channel, to, errorCode, tag, Optional.of(value), createdUntil,
                sidPrefix, origin, direction);
    }

    public MessageFilter createdUntil(Instant value) {
        return new MessageFilter(organization, status, channel, to, errorCode, tag, createdFrom, Optional.of(value),
                sidPrefix, origin, direction);
    }

    /** Messages whose SID starts with {@code value} (case-sensitive, as SIDs are). */
    public MessageFilter withSidPrefix(String value) {
        return new MessageFilter(organization, status, channel, to, errorCode, tag, createdFrom, createdUntil,
                Optional.of(value), origin, direction);
    }

    /** Messages sent through the API, or adopted from other applications' callbacks. */
    public MessageFilter withOrigin(Origin value) {
        return new MessageFilter(organization, status, channel, to, errorCode, tag, createdFrom, createdUntil,
                sidPrefix, Optional.of(value), direction);
    }

    /** Messages the organization sent, or messages its customers sent. */
    public MessageFilter withDirection(Direction value) {
        return new MessageFilter(organization, status, channel, to, errorCode, tag, createdFrom, createdUntil,
                sidPrefix, origin, Optional.of(value));
    }
}
