package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.adapter.web.InvalidRequest;
import dev.deliverytracker.adapter.web.LogSafe;
import dev.deliverytracker.application.port.DeadLetter;
import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.in.ManageDeadLetters;
import dev.deliverytracker.application.port.in.ManageSubscriptions.Outcome;
import dev.deliverytracker.application.port.in.ManageSubscriptions;
import dev.deliverytracker.application.port.in.SubscriptionRequest;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.NotificationScope;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.SubscriptionId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Status-change notifications of the caller's organization: its subscriptions (a secret is in the
 * answer only when it was just made), a test event, and the dead letters with their replay.
 */
@RestController
class NotificationApiController {

    private static final String SUBSCRIPTIONS = "/api/v1/notification-subscriptions";
    private static final String DEAD_LETTERS = "/api/v1/notification-dead-letters";

    private final ManageSubscriptions subscriptions;
    private final ManageDeadLetters deadLetters;

    NotificationApiController(ManageSubscriptions subscriptions, ManageDeadLetters deadLetters) {
        this.subscriptions = subscriptions;
        this.deadLetters = deadLetters;
    }

    /** {@code scope}: every_status (default), final_only or failures_only; empty filters match everything. */
    public record SubscriptionBody(String url, String scope, List<String> channels, Map<String, String> tags) {
    }

    /** A subscription; {@code secret} only in the answer that made it, {@code previousSecretUntil} during a rotation. */
    public record SubscriptionResponse(String id, String url, String scope, List<String> channels,
            Map<String, String> tags, boolean enabled, String pausedReason, Instant createdAt, String secret,
            Instant previousSecretUntil) {

        static SubscriptionResponse of(Subscription subscription, boolean showSecret) {
            return new SubscriptionResponse(subscription.id().toString(), subscription.url().toString(),
                    subscription.scope().wireName(),
                    subscription.channels().stream().map(Channel::wireName).sorted().toList(), subscription.tags(),
                    subscription.enabled(), subscription.pausedReason().isEmpty() ? null : subscription.pausedReason(),
                    subscription.createdAt(), showSecret ? subscription.secret().value() : null,
                    subscription.previousUntil());
        }
    }

    public record RotateBody(String overlap) {
    }

    public record TestResponse(boolean delivered, String answer) {
    }

    /** One to a message's own status callback names it, and no subscription. */
    public record DeadLetterResponse(String id, String subscriptionId, String statusCallback, String eventId,
            String type, int attempts, String lastError, Instant createdAt, Instant deadAt) {

        static DeadLetterResponse of(DeadLetter letter) {
            return new DeadLetterResponse(Long.toString(letter.deliveryId()),
                    letter.statusCallback().isPresent() ? null : letter.subscription().toString(),
                    letter.statusCallback().map(Object::toString).orElse(null), letter.eventId(), letter.type(),
                    letter.attempts(), letter.lastError(), letter.createdAt(), letter.deadAt());
        }
    }

    public record ReplayBody(String subscriptionId) {
    }

    public record ReplayResponse(int replayed) {
    }

    @PostMapping(SUBSCRIPTIONS)
    public ResponseEntity<SubscriptionResponse> create(
            @RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestBody(required = false) SubscriptionBody body) {
        Subscription created = saved(subscriptions.create(actor, organization, request(body)));
        return ResponseEntity.created(URI.create(SUBSCRIPTIONS + "/" + created.id()))
                .body(SubscriptionResponse.of(created, true));
    }

    @GetMapping(SUBSCRIPTIONS)
    public List<SubscriptionResponse> list(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization) {
        return subscriptions.list(actor, organization).stream().map(found -> SubscriptionResponse.of(found, false)).toList();
    }

    @GetMapping(SUBSCRIPTIONS + "/{id}")
    public SubscriptionResponse find(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @PathVariable String id) {
        return SubscriptionResponse.of(found(subscriptions.find(actor, organization, SubscriptionId.parse(id)), id), false);
    }

    @PutMapping(SUBSCRIPTIONS + "/{id}")
    public SubscriptionResponse change(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @PathVariable String id, @RequestBody(required = false) SubscriptionBody body) {
        return SubscriptionResponse.of(saved(subscriptions.change(actor, organization, SubscriptionId.parse(id),
                request(body))), false);
    }

    @DeleteMapping(SUBSCRIPTIONS + "/{id}")
    public ResponseEntity<Void> delete(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @PathVariable String id) {
        if (!subscriptions.delete(actor, organization, SubscriptionId.parse(id))) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(SUBSCRIPTIONS + "/{id}/pause")
    public SubscriptionResponse pause(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @PathVariable String id) {
        return SubscriptionResponse.of(found(subscriptions.pause(actor, organization, SubscriptionId.parse(id)), id), false);
    }

    @PostMapping(SUBSCRIPTIONS + "/{id}/enable")
    public SubscriptionResponse enable(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @PathVariable String id) {
        return SubscriptionResponse.of(found(subscriptions.enable(actor, organization, SubscriptionId.parse(id)), id), false);
    }

    /** A new secret, shown in this answer only; the previous one signs beside it for {@code overlap} (default PT24H). */
    @PostMapping(SUBSCRIPTIONS + "/{id}/rotate-secret")
    public SubscriptionResponse rotate(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @PathVariable String id, @RequestBody(required = false) RotateBody body) {
        Duration overlap = Duration.ofHours(24);
        if (body != null && body.overlap() != null) {
            try {
                overlap = Duration.parse(body.overlap());
            } catch (DateTimeParseException invalid) {
                throw new InvalidRequest(List.of(new InvalidRequest.FieldError("overlap",
                        "must be an ISO-8601 duration such as PT24H, was '" + LogSafe.text(body.overlap()) + "'")));
            }
        }
        return SubscriptionResponse.of(saved(subscriptions.rotateSecret(actor, organization, SubscriptionId.parse(id),
                overlap)), true);
    }

    /** Posts a signed {@code message.test} event now and tells what the receiver answered. */
    @PostMapping(SUBSCRIPTIONS + "/{id}/test")
    public TestResponse test(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @PathVariable String id) {
        ReceiverAnswer answer = found(subscriptions.sendTest(actor, organization, SubscriptionId.parse(id)), id);
        return new TestResponse(answer.took(), answer.describe());
    }

    @GetMapping(DEAD_LETTERS)
    public List<DeadLetterResponse> deadLetters(
            @RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestParam(required = false) String subscriptionId, @RequestParam(defaultValue = "100") int limit) {
        return deadLetters.deadLetters(actor, organization, subscription(subscriptionId), limit).stream()
                .map(DeadLetterResponse::of).toList();
    }

    @PostMapping(DEAD_LETTERS + "/{id}/replay")
    public ResponseEntity<ReplayResponse> replay(
            @RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization, @PathVariable String id) {
        if (!id.matches("[0-9]{1,18}") || !deadLetters.replay(actor, organization, Long.parseLong(id))) {
            throw ApiProblem.notFound("Dead letter not found", "no dead letter " + LogSafe.text(id)
                    + " in your organization");
        }
        return ResponseEntity.accepted().body(new ReplayResponse(1));
    }

    /** Replays every dead letter of the organization, or of one subscription. */
    @PostMapping(DEAD_LETTERS + "/replay")
    public ResponseEntity<ReplayResponse> replayAll(
            @RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestBody(required = false) ReplayBody body) {
        int replayed = deadLetters.replayAll(actor, organization, subscription(body == null ? null : body.subscriptionId()));
        return ResponseEntity.accepted().body(new ReplayResponse(replayed));
    }

    private static Optional<SubscriptionId> subscription(String id) {
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(SubscriptionId.parse(id));
    }

    private static SubscriptionRequest request(SubscriptionBody body) {
        if (body == null || body.url() == null || body.url().isBlank()) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError("url",
                    "is required: the https URL notifications are posted to")));
        }
        URI url;
        try {
            url = new URI(body.url().trim());
        } catch (URISyntaxException invalid) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError("url", "is not a URL: "
                    + LogSafe.text(invalid.getReason()))));
        }
        return new SubscriptionRequest(url, body.scope() == null ? null : NotificationScope.parse(body.scope()),
                body.channels() == null ? null
                        : body.channels().stream().map(Channel::parse).collect(Collectors.toSet()),
                body.tags());
    }

    private static Subscription saved(Outcome outcome) {
        if (outcome instanceof Outcome.Saved saved) {
            return saved.subscription();
        }
        if (outcome instanceof Outcome.Refused refused) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "URL refused", refused.reason(), Map.of());
        }
        throw ApiProblem.notFound("Subscription not found", "no such subscription in your organization");
    }

    private static <T> T found(Optional<T> found, String id) {
        return found.orElseThrow(() -> notFound(id));
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("Subscription not found", "no subscription " + LogSafe.text(id)
                + " in your organization");
    }
}
