package dev.deliverytracker.application.port.in;

import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/**
 * Which of an organization's messages a list or an export shows. Every criterion is optional and
 * they all must hold; {@code createdFrom} is included, {@code createdUntil} excluded.
 */
public record MessageFilter(OrganizationId organization, Optional<DeliveryStatus> status, Optional<Channel> channel,
        Optional<Address> to, Optional<Integer> errorCode, Optional<Tag> tag, Optional<Instant> createdFrom,
        Optional<Instant> createdUntil, Optional<MessageSid> sid) {

    /** One {@code key:value} pair a message's tags must contain. */
    public record Tag(String key, String value) {

        public Tag {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("a tag filter is 'key:value' with a non-empty key");
            }
        }
    }

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
        sid = sid == null ? Optional.empty() : sid;
    }

    /** Every message of the organization. */
    public static MessageFilter all(OrganizationId organization) {
        return new MessageFilter(organization, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public MessageFilter withStatus(DeliveryStatus value) {
        return new MessageFilter(organization, Optional.of(value), channel, to, errorCode, tag, createdFrom,
                createdUntil, sid);
    }

    public MessageFilter withChannel(Channel value) {
        return new MessageFilter(organization, status, Optional.of(value), to, errorCode, tag, createdFrom,
                createdUntil, sid);
    }

    public MessageFilter withTo(Address value) {
        return new MessageFilter(organization, status, channel, Optional.of(value), errorCode, tag, createdFrom,
                createdUntil, sid);
    }

    public MessageFilter withErrorCode(int value) {
        return new MessageFilter(organization, status, channel, to, Optional.of(value), tag, createdFrom,
                createdUntil, sid);
    }

    public MessageFilter withTag(Tag value) {
        return new MessageFilter(organization, status, channel, to, errorCode, Optional.of(value), createdFrom,
                createdUntil, sid);
    }

    public MessageFilter createdFrom(Instant value) {
        return new MessageFilter(organization, status, channel, to, errorCode, tag, Optional.of(value), createdUntil,
                sid);
    }

    public MessageFilter createdUntil(Instant value) {
        return new MessageFilter(organization, status, channel, to, errorCode, tag, createdFrom, Optional.of(value),
                sid);
    }

    public MessageFilter withSid(MessageSid value) {
        return new MessageFilter(organization, status, channel, to, errorCode, tag, createdFrom, createdUntil,
                Optional.of(value));
    }
}
