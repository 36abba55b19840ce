package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.in.ManageSenders;
import dev.deliverytracker.application.port.out.AllowedSenders;
import dev.deliverytracker.application.port.out.AuditTrail;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.application.service.AccessPolicy.Need;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.AllowedSender;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Senders an organization's administrators allow, each change audited. */
public final class SenderAdminService implements ManageSenders {

    private final AllowedSenders senders;
    private final OrganizationDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    public SenderAdminService(AllowedSenders senders, OrganizationDirectory directory, AuditTrail audit, Clock clock) {
        this.senders = senders;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public AdminOutcome<AllowedSender> add(Actor actor, OrganizationId organization, String channel, String from,
            String messagingServiceSid, boolean makeDefault) {
        AllowedSender sender = new AllowedSender(channelOf(channel), senderOf(channel, from, messagingServiceSid),
                makeDefault);
        Optional<AdminOutcome<AllowedSender>> refused = allowed(actor, organization, Need.MANAGE);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!senders.add(organization, sender)) {
            return new AdminOutcome.Conflict<>(AllowedSender.fieldOf(sender.sender()),
                    "the organization has this " + sender.channel().wireName() + " sender already");
        }
        write(actor, organization, "sender.added", sender);
        return AdminOutcome.done(sender);
    }

    @Override
    public AdminOutcome<AllowedSender> makeDefault(Actor actor, OrganizationId organization, String channel,
            String from, String messagingServiceSid) {
        Channel parsed = channelOf(channel);
        Sender sender = senderOf(channel, from, messagingServiceSid);
        Optional<AdminOutcome<AllowedSender>> refused = allowed(actor, organization, Need.MANAGE);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!senders.makeDefault(organization, parsed, sender)) {
            return new AdminOutcome.NotFound<>(parsed.wireName() + " sender " + describe(sender));
        }
        AllowedSender made = new AllowedSender(parsed, sender, true);
        write(actor, organization, "sender.made-default", made);
        return AdminOutcome.done(made);
    }

    @Override
    public AdminOutcome<AllowedSender> remove(Actor actor, OrganizationId organization, String channel, String from,
            String messagingServiceSid) {
        Channel parsed = channelOf(channel);
        Sender sender = senderOf(channel, from, messagingServiceSid);
        Optional<AdminOutcome<AllowedSender>> refused = allowed(actor, organization, Need.MANAGE);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!senders.remove(organization, parsed, sender)) {
            return new AdminOutcome.NotFound<>(parsed.wireName() + " sender " + describe(sender));
        }
        AllowedSender removed = new AllowedSender(parsed, sender, false);
        write(actor, organization, "sender.removed", removed);
        return AdminOutcome.done(removed);
    }

    @Override
    public AdminOutcome<List<AllowedSender>> list(Actor actor, OrganizationId organization) {
        Optional<AdminOutcome<List<AllowedSender>>> refused = allowed(actor, organization, Need.READ);
        return refused.orElseGet(() -> AdminOutcome.done(senders.of(organization)));
    }

    private <T> Optional<AdminOutcome<T>> allowed(Actor actor, OrganizationId organization, Need need) {
        Optional<AdminOutcome<T>> refused = AccessPolicy.check(actor, organization, need,
                "organization " + organization);
        if (refused.isEmpty() && directory.find(organization).isEmpty()) {
            return Optional.of(new AdminOutcome.NotFound<>("organization " + organization));
        }
        return refused;
    }

    private void write(Actor actor, OrganizationId organization, String action, AllowedSender sender) {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("channel", sender.channel().wireName());
        changes.put(AllowedSender.fieldOf(sender.sender()), describe(sender.sender()));
        changes.put("default", Boolean.toString(sender.isDefault()));
        audit.record(new AuditEntry(clock.instant(), actor.describe(), Optional.of(organization), action, changes));
    }

    /** A sender is the organization's own number, shown whole to its administrators (never a recipient's). */
    private static String describe(Sender sender) {
        return sender instanceof Sender.Number number ? number.address().toTwilio()
                : ((Sender.Service) sender).sid().value();
    }

    private static Channel channelOf(String channel) {
        try {
            return Channel.parse(channel);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("channel: " + unknown.getMessage());
        }
    }

    private static Sender senderOf(String channel, String from, String messagingServiceSid) {
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasService = messagingServiceSid != null && !messagingServiceSid.isBlank();
        if (hasFrom == hasService) {
            throw new IllegalArgumentException("from: name either a number in 'from' or a Messaging Service in "
                    + "'messagingServiceSid', not both and not neither");
        }
        try {
            return hasFrom ? new Sender.Number(Address.parseFor(channelOf(channel), from.trim()))
                    : new Sender.Service(MessagingServiceSid.of(messagingServiceSid.trim()));
        } catch (IllegalArgumentException malformed) {
            String message = malformed.getMessage();
            if (message.startsWith("channel: ")) {
                throw malformed;
            }
            throw new IllegalArgumentException((hasFrom ? "from: " : "messagingServiceSid: ") + message);
        }
    }
}
