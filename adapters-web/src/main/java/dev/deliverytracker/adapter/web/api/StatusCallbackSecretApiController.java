package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.adapter.web.InvalidRequest;
import dev.deliverytracker.adapter.web.LogSafe;
import dev.deliverytracker.application.port.in.ManageStatusCallbackSecret;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's organization's status-callback secret, which signs the notifications posted to the
 * {@code statusCallback} of its messages: made or rotated by a POST whose answer is the only one that
 * shows it; a GET says whether there is one and whether a rotation's overlap is running.
 */
@RestController
class StatusCallbackSecretApiController {

    static final String PATH = "/api/v1/status-callback-secret";

    private final ManageStatusCallbackSecret secrets;

    StatusCallbackSecretApiController(ManageStatusCallbackSecret secrets) {
        this.secrets = secrets;
    }

    /** {@code overlap}: how long the current secret keeps signing beside a new one (ISO-8601, default PT24H). */
    public record RotateBody(String overlap) {
    }

    /** {@code secret} only in the answer that made it. */
    public record SecretResponse(Instant createdAt, Instant previousSecretUntil, String secret) {

        static SecretResponse of(Subscription signer, boolean showSecret) {
            return new SecretResponse(signer.createdAt(), signer.previousUntil(),
                    showSecret ? signer.secret().value() : null);
        }
    }

    @PostMapping(PATH)
    public ResponseEntity<SecretResponse> createOrRotate(
            @RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestBody(required = false) RotateBody body) {
        boolean existed = secrets.find(actor, organization).isPresent();
        Subscription signer = secrets.createOrRotate(actor, organization, overlap(body));
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED)
                .body(SecretResponse.of(signer, true));
    }

    @GetMapping(PATH)
    public SecretResponse find(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization) {
        return secrets.find(actor, organization).map(signer -> SecretResponse.of(signer, false))
                .orElseThrow(() -> ApiProblem.notFound("No status-callback secret",
                        "your organization has no status-callback secret yet: POST " + PATH + " makes one"));
    }

    private static Duration overlap(RotateBody body) {
        if (body == null || body.overlap() == null) {
            return Duration.ofHours(24);
        }
        try {
            Duration overlap = Duration.parse(body.overlap());
            if (!overlap.isNegative()) {
                return overlap;
            }
        } catch (DateTimeParseException invalid) {
            // answered below
        }
        throw new InvalidRequest(List.of(new InvalidRequest.FieldError("overlap",
                "must be an ISO-8601 duration of zero or more, such as PT24H, was '"
                        + LogSafe.text(body.overlap()) + "'")));
    }
}
