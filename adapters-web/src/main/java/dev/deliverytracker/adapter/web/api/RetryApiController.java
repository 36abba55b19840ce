package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.adapter.web.InvalidRequest;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.ManageRetryPolicy;
import dev.deliverytracker.application.port.in.RetryMessages.RetryOutcome;
import dev.deliverytracker.application.port.in.RetryMessages;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators send failed messages again, and set when the service does so by itself. */
@RestController
class RetryApiController {

    private final RetryMessages retryMessages;
    private final ManageRetryPolicy retryPolicy;
    private final SendBudgetGate sendBudget;

    RetryApiController(RetryMessages retryMessages, ManageRetryPolicy retryPolicy, SendBudgetGate sendBudget) {
        this.retryMessages = retryMessages;
        this.retryPolicy = retryPolicy;
        this.sendBudget = sendBudget;
    }

    /** The organization's retry policy; durations in ISO-8601 ({@code PT5M}). */
    public record RetryPolicyBody(Boolean enabled, Integer maxAttempts, String firstDelay, String maxDelay) {
    }

    public record BulkRetryRequest(Integer errorCode, String since, Boolean force) {
    }

    public record BulkRetryResponse(int scheduled, int refused) {
    }

    @PostMapping("/api/v1/messages/{id}/retry")
    public ResponseEntity<?> retry(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id, @RequestParam(defaultValue = "false") boolean force) {
        sendBudget.admit(caller);
        MessageId messageId = MessageId.parse(id);
        RetryOutcome outcome = retryMessages.retry(actor, organization, messageId, force);
        if (outcome instanceof RetryOutcome.Scheduled scheduled) {
            return ResponseEntity.accepted().body(MessageResponse.of(scheduled.message()));
        }
        if (outcome instanceof RetryOutcome.Refused refused) {
            return problem(HttpStatus.CONFLICT, "Retry refused", refused.reason());
        }
        if (outcome instanceof RetryOutcome.NotYet notYet) {
            return problem(HttpStatus.CONFLICT, "Retry refused", "not due before " + notYet.due());
        }
        return problem(HttpStatus.NOT_FOUND, "Message not found", "no message " + messageId + " in your organization");
    }

    /** Retries the failures since a time, optionally of one error code. */
    @PostMapping("/api/v1/messages/retry")
    public BulkRetryResponse retryFailures(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @RequestBody(required = false) BulkRetryRequest request) {
        sendBudget.admit(caller);
        if (request == null || request.since() == null) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError("since",
                    "is required: the earliest failure to retry, e.g. 2026-11-24T00:00:00Z")));
        }
        Instant since;
        try {
            since = Instant.parse(request.since());
        } catch (DateTimeParseException invalid) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError("since",
                    "must be an ISO-8601 instant such as 2026-11-24T00:00:00Z, was '" + request.since() + "'")));
        }
        RetryMessages.BulkRetry result = retryMessages.retryFailures(actor, organization,
                request.errorCode() == null ? 0 : request.errorCode(), since, Boolean.TRUE.equals(request.force()));
        return new BulkRetryResponse(result.scheduled(), result.refused());
    }

    @GetMapping("/api/v1/retry-policy")
    public RetryPolicyBody policy(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization) {
        return body(retryPolicy.policyOf(actor, organization));
    }

    @PutMapping("/api/v1/retry-policy")
    public RetryPolicyBody setPolicy(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestBody(required = false) RetryPolicyBody request) {
        if (request == null || request.enabled() == null || request.maxAttempts() == null
                || request.firstDelay() == null || request.maxDelay() == null) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError("body",
                    "enabled, maxAttempts, firstDelay and maxDelay are all required")));
        }
        RetryPolicy policy = new RetryPolicy(request.enabled(), request.maxAttempts(),
                duration("firstDelay", request.firstDelay()), duration("maxDelay", request.maxDelay()));
        retryPolicy.set(actor, organization, policy);
        return body(policy);
    }

    private static Duration duration(String field, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException invalid) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError(field,
                    "must be an ISO-8601 duration such as PT5M, was '" + text + "'")));
        }
    }

    private static RetryPolicyBody body(RetryPolicy policy) {
        return new RetryPolicyBody(policy.enabled(), policy.maxAttempts(), policy.firstDelay().toString(),
                policy.maxDelay().toString());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
