package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.application.port.in.FindDeliveryHistory;
import dev.deliverytracker.application.port.in.FindMessage;
import dev.deliverytracker.application.port.in.SendMessage;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.domain.Direction;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sending and reading messages, for internal services authenticated by an API key of their organization. */
@RestController
@RequestMapping("/api/v1/messages")
class MessageApiController {

    private final SendMessage sendMessage;
    private final FindMessage findMessage;
    private final FindDeliveryHistory history;

    MessageApiController(SendMessage sendMessage, FindMessage findMessage, FindDeliveryHistory history) {
        this.sendMessage = sendMessage;
        this.findMessage = findMessage;
        this.history = history;
    }

    /** Answers 202 at once: the message is stored and waits for a dispatcher; follow its status URL. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ResponseEntity<MessageResponse> send(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) SendMessageRequest request) {
        SendOutcome outcome = sendMessage.send(SendMessageRequestReader.read(request, caller, idempotencyKey));
        if (outcome instanceof SendOutcome.OverBudget over) {
            throw new SendBudgetExceeded(over.refusal());
        }
        if (outcome instanceof SendOutcome.IdempotencyConflict conflict) {
            throw new ApiProblem(HttpStatus.CONFLICT, "Idempotency key reused", conflict.reason(),
                    Map.of("originalMessageId", conflict.original().toString()));
        }
        if (outcome instanceof SendOutcome.OrganizationDisabled disabled) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Organization disabled", "organization " + disabled.organization()
                    + " is disabled by a platform administrator: it sends nothing until it is enabled again "
                    + "(its callbacks are still recorded and its history stays readable)",
                    Map.of("organizationId", disabled.organization().toString()));
        }
        if (outcome instanceof SendOutcome.NotPermitted notPermitted) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Not permitted", "sending needs " + notPermitted.needed(),
                    Map.of("needed", notPermitted.needed()));
        }
        if (outcome instanceof SendOutcome.SenderNotAllowed refused) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Sender not allowed", refused.field() + ": "
                    + refused.reason(), Map.of("errors", java.util.List.of(Map.of("field", refused.field(),
                            "message", refused.reason()))));
        }
        if (outcome instanceof SendOutcome.StatusCallbackRefused refused) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Status callback refused",
                    "statusCallback: " + refused.reason(), Map.of("errors", java.util.List.of(Map.of(
                            "field", "statusCallback", "message", refused.reason()))));
        }
        if (outcome instanceof SendOutcome.OutsideWindow outside) {
            throw CustomerServiceWindowApiController.outsideWindow(outside);
        }
        boolean replayed = outcome instanceof SendOutcome.Repeated;
        Message message = replayed ? ((SendOutcome.Repeated) outcome).message()
                : ((SendOutcome.Accepted) outcome).message();
        MessageResponse body = MessageResponse.of(message);
        return ResponseEntity.accepted().location(URI.create(body.statusUrl()))
                .header("Idempotent-Replayed", Boolean.toString(replayed)).body(body);
    }

    @GetMapping("/{id}")
    public MessageResponse find(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @PathVariable String id) {
        MessageId messageId = MessageId.parse(id);
        // Another organization's message is "not found" too: its existence is not ours to reveal.
        return findMessage.find(actor, organization, messageId)
                .map(message -> MessageResponse.of(message, findMessage.pacedUntil(messageId).orElse(null),
                        findMessage.charges(messageId).orElse(MessageFacts.NONE),
                        findMessage.heldBecause(message).orElse(null)))
                // What a customer sent is not a message we send: it is read as the lists read it.
                .or(() -> history.timeline(actor, organization, messageId, false)
                        .map(FindDeliveryHistory.DeliveryTimeline::message)
                        .filter(message -> message.direction() == Direction.INCOMING)
                        .map(MessageResponse::incoming))
                .orElseThrow(() -> ApiProblem.notFound("Message not found",
                        "no message " + messageId + " in your organization"));
    }
}
