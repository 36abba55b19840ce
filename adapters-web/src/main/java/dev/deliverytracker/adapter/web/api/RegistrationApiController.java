package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.adapter.web.InvalidRequest;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.RegisterMessage;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registering a message an application sent through Twilio itself: by its SID, with what only the
 * sender knows. The same fields as a send, plus when it was sent; answered as the send API answers.
 */
@RestController
class RegistrationApiController {

    private final RegisterMessage registerMessage;

    RegistrationApiController(RegisterMessage registerMessage) {
        this.registerMessage = registerMessage;
    }

    public record RegistrationRequest(String channel, String to, String from, String messagingServiceSid, String body,
            SendMessageRequest.Template template, Map<String, String> tags, String sentAt) {
    }

    @PutMapping("/api/v1/registered-messages/{sid}")
    public ResponseEntity<?> register(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller, @PathVariable String sid,
            @RequestBody(required = false) RegistrationRequest request) {
        MessageSid messageSid = field("sid", () -> MessageSid.of(sid));
        if (request == null) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError("body", "a JSON object is required")));
        }
        // The send API's reading of channel, addresses, content and tags, so both answer alike.
        SendMessageCommand fields = SendMessageRequestReader.read(new SendMessageRequest(request.channel(), request.to(),
                request.from(), request.messagingServiceSid(), request.body(), request.template(), request.tags()),
                caller, null);
        Optional<Instant> sentAt = request.sentAt() == null ? Optional.empty()
                : Optional.of(field("sentAt", () -> Instant.parse(request.sentAt())));
        RegisterMessage.Registration registration = registerMessage.register(actor, new RegisterMessage.Command(organization,
                messageSid, fields.to(), fields.sender(), fields.content(), fields.tags(), sentAt));
        if (registration instanceof RegisterMessage.Registered registered) {
            return ResponseEntity.ok(MessageResponse.of(registered.message()));
        }
        RegisterMessage.Conflict conflict = (RegisterMessage.Conflict) registration;
        throw new ApiProblem(HttpStatus.CONFLICT, "SID already taken", conflict.reason(), Map.of());
    }

    private static <T> T field(String name, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException | DateTimeParseException invalid) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError(name, invalid.getMessage())));
        }
    }
}
