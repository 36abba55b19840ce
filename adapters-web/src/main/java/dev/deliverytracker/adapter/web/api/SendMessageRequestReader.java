package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.adapter.web.InvalidRequest;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.ContentSid;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.Sender;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns the JSON request into a command, collecting every field's problem at once, so a caller
 * fixes its request in one round trip. The messages come from the domain's own validation.
 */
final class SendMessageRequestReader {

    private final List<InvalidRequest.FieldError> errors = new ArrayList<>();

    static SendMessageCommand read(SendMessageRequest request, ApiCaller caller, String idempotencyKey) {
        return new SendMessageRequestReader().toCommand(request, caller, idempotencyKey);
    }

    private SendMessageCommand toCommand(SendMessageRequest request, ApiCaller caller,
            String idempotencyKey) {
        if (request == null) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError("body", "a JSON object is required")));
        }
        Channel channel = field("channel", () -> Channel.parse(required(request.channel(), "'sms' or 'whatsapp'")));
        Address to = channel == null ? null
                : field("to", () -> Address.parseFor(channel, required(request.to(), "an E.164 number like +31612345678")));
        Sender sender = channel == null ? null
                : field(request.from() == null && request.messagingServiceSid() != null ? "messagingServiceSid" : "from",
                        () -> sender(request, channel));
        MessageContent content = field(request.template() != null && request.body() == null ? "template" : "body",
                () -> content(request));
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        SendMessageCommand command = fieldNamedByMessage(() -> new SendMessageCommand(caller, to, sender,
                content, request.tags(), idempotencyKey));
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return command;
    }

    private static Sender sender(SendMessageRequest request, Channel channel) {
        if (request.from() != null && request.messagingServiceSid() != null) {
            throw new IllegalArgumentException("give either from or messagingServiceSid, not both");
        }
        if (request.from() != null) {
            return new Sender.Number(Address.parseFor(channel, request.from()));
        }
        if (request.messagingServiceSid() != null) {
            return new Sender.Service(MessagingServiceSid.of(request.messagingServiceSid()));
        }
        return Sender.organizationDefault();
    }

    private static MessageContent content(SendMessageRequest request) {
        if ((request.body() == null) == (request.template() == null)) {
            throw new IllegalArgumentException("give either body (free text) or template (contentSid and variables)");
        }
        if (request.body() != null) {
            return new MessageContent.Text(request.body());
        }
        return new MessageContent.Template(ContentSid.of(request.template().contentSid()),
                request.template().variables());
    }

    private static String required(String value, String expected) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("is required: " + expected);
        }
        return value;
    }

    /** The command's own checks name their field at the start of the message ("tags: ..."). */
    private <T> T fieldNamedByMessage(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException invalid) {
            String message = invalid.getMessage();
            String field = message.startsWith("Idempotency-Key") ? "Idempotency-Key"
                    : message.startsWith("tags") ? "tags" : message.startsWith("from") ? "from" : "request";
            errors.add(new InvalidRequest.FieldError(field, message));
            return null;
        }
    }

    private <T> T field(String name, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException invalid) {
            errors.add(new InvalidRequest.FieldError(name, invalid.getMessage()));
            return null;
        }
    }
}
