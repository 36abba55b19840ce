package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.ContentSid;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.Milestone;
import dev.deliverytracker.domain.Milestones;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Origin;
import dev.deliverytracker.domain.Sender;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Rows to messages and back. Written by hand rather than generated: a message is restored through
 * its named factory and its sealed sender and content types, which a bean mapper cannot call (see
 * docs/adr/0004-mapstruct.md for where MapStruct is used).
 */
final class MessageMapping {

    private MessageMapping() {
    }

    static Message toDomain(MessageRow row) {
        Channel channel = Channel.parse(row.channel);
        Map<Milestone, Instant> reached = new EnumMap<>(Milestone.class);
        reached.put(Milestone.QUEUED, row.queuedAt);
        reached.put(Milestone.SENT, row.sentAt);
        reached.put(Milestone.DELIVERED, row.deliveredAt);
        reached.put(Milestone.READ, row.readAt);
        reached.put(Milestone.FAILED, row.failedAt);
        return Message.restore(MessageId.of(row.id), OrganizationId.of(row.orgId),
                Address.parseFor(channel, row.toAddress), sender(channel, row), content(row),
                row.tags == null ? Map.of() : row.tags, row.idempotencyKey,
                row.providerSid == null ? null : MessageSid.of(row.providerSid),
                DeliveryStatus.lookup(row.status).orElse(DeliveryStatus.UNKNOWN),
                row.errorCode == null ? DeliveryError.NONE : DeliveryError.of(row.errorCode, row.errorMessage),
                Milestones.of(reached), row.attempts, row.createdAt,
                Origin.lookup(row.origin).orElse(Origin.API));
    }

    static MessageRow newRow(Message message) {
        MessageRow row = new MessageRow();
        row.orgId = message.organization().value();
        row.channel = message.channel().wireName();
        row.toAddress = message.to().e164();
        row.createdAt = message.createdAt();
        row.idempotencyKey = message.idempotencyKey().orElse(null);
        row.tags = message.tags();
        row.origin = message.origin().wireName();
        if (message.sender() instanceof Sender.Number number) {
            row.fromAddress = number.address().e164();
        } else if (message.sender() instanceof Sender.Service service) {
            row.messagingServiceSid = service.sid().value();
        }
        if (message.content() instanceof MessageContent.Text text) {
            row.body = text.body();
        } else if (message.content() instanceof MessageContent.Template template) {
            row.contentSid = template.contentSid().value();
            row.contentVariables = template.variables();
        }
        copyState(message, row, message.createdAt());
        return row;
    }

    /** Copies what changes over a message's life: SID, status, error, milestones, attempts. */
    static void copyState(Message message, MessageRow row, Instant now) {
        row.providerSid = message.sid().map(MessageSid::value).orElse(null);
        row.status = message.status().wireName();
        row.errorCode = message.error().isPresent() ? message.error().code() : null;
        row.errorMessage = message.error().isPresent() ? message.error().message() : null;
        row.attempts = message.attempts();
        row.queuedAt = message.milestones().at(Milestone.QUEUED).orElse(null);
        row.sentAt = message.milestones().at(Milestone.SENT).orElse(null);
        row.deliveredAt = message.milestones().at(Milestone.DELIVERED).orElse(null);
        row.readAt = message.milestones().at(Milestone.READ).orElse(null);
        row.failedAt = message.milestones().at(Milestone.FAILED).orElse(null);
        row.updatedAt = now;
    }

    private static Sender sender(Channel channel, MessageRow row) {
        if (row.fromAddress != null) {
            return new Sender.Number(Address.parseFor(channel, row.fromAddress));
        }
        if (row.messagingServiceSid != null) {
            return new Sender.Service(MessagingServiceSid.of(row.messagingServiceSid));
        }
        return Sender.organizationDefault();
    }

    private static MessageContent content(MessageRow row) {
        if (row.contentSid == null && row.body == null) {
            return new MessageContent.Unknown();
        }
        if (row.contentSid != null) {
            return new MessageContent.Template(ContentSid.of(row.contentSid),
                    row.contentVariables == null ? Map.of() : row.contentVariables);
        }
        return new MessageContent.Text(row.body);
    }
}
