package dev.deliverytracker.application.service;

import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.application.port.in.FindMessage;
import dev.deliverytracker.application.port.out.MessageCharges;
import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class FindMessageService implements FindMessage {

    private final MessageStore messages;
    private final Outbox outbox;
    private final MessageCharges charges;
    private final Clock clock;
    private final OrganizationDirectory organizations;

    public FindMessageService(MessageStore messages, Outbox outbox, MessageCharges charges, Clock clock,
            OrganizationDirectory organizations) {
        this.organizations = organizations;
        this.messages = messages;
        this.outbox = outbox;
        this.charges = charges;
        this.clock = clock;
    }

    @Override
    public Optional<Message> find(Actor actor, OrganizationId organization, MessageId id) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "message");
        return messages.find(organization, id);
    }

    @Override
    public Optional<Instant> pacedUntil(MessageId id) {
        // A place that has come means the message is being sent now (its callbacks may even be in).
        return outbox.pacedUntil(id).filter(until -> until.isAfter(clock.instant()));
    }

    @Override
    public Optional<String> heldBecause(Message message) {
        // The dispatcher holds such a message at its next claim; until then it is held back all the same.
        if (message.status() != DeliveryStatus.PENDING || message.sid().isPresent()
                || organizations.find(message.organization()).map(Organization::enabled).orElse(true)) {
            return Optional.empty();
        }
        return Optional.of(OrganizationGatedOutbox.heldBecause(message.organization()));
    }

    @Override
    public Optional<MessageFacts> charges(MessageId id) {
        return charges.find(id);
    }
}
