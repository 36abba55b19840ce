package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.domain.AllowedSender;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;

/**
 * The numbers, WhatsApp senders and Messaging Services an organization may send from, one default per
 * channel. Once an organization has any, a send naming another is refused with a problem naming the
 * field ({@code from} or {@code messagingServiceSid}).
 *
 * @throws IllegalArgumentException for a malformed channel, number or SID, naming the field
 */
public interface ManageSenders {

    /** {@code from} a number (or {@code whatsapp:+...}), or {@code messagingServiceSid}: exactly one of them. */
    AdminOutcome<AllowedSender> add(Actor actor, OrganizationId organization, String channel, String from,
            String messagingServiceSid, boolean makeDefault);

    AdminOutcome<AllowedSender> makeDefault(Actor actor, OrganizationId organization, String channel, String from,
            String messagingServiceSid);

    AdminOutcome<AllowedSender> remove(Actor actor, OrganizationId organization, String channel, String from,
            String messagingServiceSid);

    AdminOutcome<List<AllowedSender>> list(Actor actor, OrganizationId organization);
}
