package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.RegisterMessage;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.domain.Message;
import java.time.Clock;

/** Registers messages other applications sent; the store merges them with what callbacks revealed. */
public final class RegisterMessageService implements RegisterMessage {

    private final DeliveryLog log;
    private final Clock clock;

    public RegisterMessageService(DeliveryLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public Registration register(Actor actor, Command command) {
        AccessPolicy.require(actor, command.organization(), AccessPolicy.Need.MANAGE, "organization");
        Message registration = Message.registered(command.organization(), command.to(), command.sender(),
                command.sid(), command.content(), command.tags(), command.sentAt().orElseGet(clock::instant));
        try {
            return new Registered(log.register(registration));
        } catch (IllegalStateException taken) {
            return new Conflict(taken.getMessage());
        }
    }
}
