package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.FindMessage;
import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Optional;

public final class FindMessageService implements FindMessage {

    private final MessageStore messages;

    public FindMessageService(MessageStore messages) {
        this.messages = messages;
    }

    @Override
    public Optional<Message> find(OrganizationId organization, MessageId id) {
        return messages.find(organization, id);
    }
}
