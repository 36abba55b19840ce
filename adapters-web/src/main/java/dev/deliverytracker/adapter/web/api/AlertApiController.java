package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.adapter.web.InvalidRequest;
import dev.deliverytracker.application.port.in.FindAlertHistory;
import dev.deliverytracker.application.port.in.ManageAlertRules;
import dev.deliverytracker.domain.AlertCondition;
import dev.deliverytracker.domain.AlertIncident;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertRuleId;
import dev.deliverytracker.domain.NotificationOutcome;
import dev.deliverytracker.domain.OrganizationId;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An organization's alert rules and incident history; every call stays within the caller's organization. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertApiController {

    private final ManageAlertRules rules;
    private final FindAlertHistory history;

    public AlertApiController(ManageAlertRules rules, FindAlertHistory history) {
        this.rules = rules;
        this.history = history;
    }

    /** A rule as the API shows it; the webhook URL without its (secret) path. */
    public record AlertRuleResponse(String id, String kind, Map<String, Object> parameters, String webhook,
            String format, boolean enabled, String description) {

        static AlertRuleResponse of(AlertRule rule) {
            return new AlertRuleResponse(rule.id().toString(), rule.condition().kind(), parametersOf(rule.condition()),
                    rule.webhook().masked(), rule.format().wireName(), rule.enabled(), rule.condition().describe());
        }
    }

    public record Notice(String status, String detail) {
    }

    public record IncidentResponse(String id, String ruleId, String kind, String state, Instant startedAt,
            String message, Notice alert, Instant resolvedAt, String recoveryMessage, Notice recovery) {

        static IncidentResponse of(AlertIncident incident) {
            return new IncidentResponse(Long.toString(incident.id()), incident.ruleId().toString(), incident.ruleKind(),
                    incident.firing() ? "firing" : "resolved", incident.startedAt(), incident.message(),
                    notice(incident.alertNotice()), incident.resolvedAt().orElse(null),
                    incident.recoveryMessage().orElse(null), incident.recoveryNotice().map(IncidentResponse::notice)
                            .orElse(null));
        }

        private static Notice notice(NotificationOutcome outcome) {
            if (outcome instanceof NotificationOutcome.Sent sent) {
                return new Notice("sent", "HTTP " + sent.httpStatus());
            }
            if (outcome instanceof NotificationOutcome.Failed failed) {
                return new Notice("failed", failed.reason());
            }
            return new Notice("pending", null);
        }
    }

    @PostMapping("/rules")
    public ResponseEntity<AlertRuleResponse> create(
            @RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestBody(required = false) AlertRuleRequestReader.AlertRuleRequest request) {
        AlertRule rule = rules.create(actor, AlertRuleRequestReader.read(request, organization));
        return ResponseEntity.created(URI.create("/api/v1/alerts/rules/" + rule.id())).body(AlertRuleResponse.of(rule));
    }

    @GetMapping("/rules")
    public List<AlertRuleResponse> list(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization) {
        return rules.list(actor, organization).stream().map(AlertRuleResponse::of).toList();
    }

    @DeleteMapping("/rules/{id}")
    public ResponseEntity<?> delete(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @PathVariable String id) {
        AlertRuleId rule = AlertRuleId.parse(id);
        if (rules.delete(actor, organization, rule)) {
            return ResponseEntity.noContent().build();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no alert rule " + rule + " in your organization");
        problem.setTitle("Alert rule not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @GetMapping("/history")
    public List<IncidentResponse> history(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestParam(name = "limit", defaultValue = "50") String limit) {
        int parsed;
        try {
            parsed = Integer.parseInt(limit.trim());
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError("limit",
                    "limit must be a whole number between 1 and " + FindAlertHistory.MAX_LIMIT)));
        }
        if (parsed < 1 || parsed > FindAlertHistory.MAX_LIMIT) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError("limit",
                    "limit must be between 1 and " + FindAlertHistory.MAX_LIMIT + ", was " + parsed)));
        }
        return history.recent(actor, organization, parsed).stream().map(IncidentResponse::of).toList();
    }

    private static Map<String, Object> parametersOf(AlertCondition condition) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (condition instanceof AlertCondition.FailureRate rate) {
            parameters.put("window", rate.window().toString());
            parameters.put("threshold", rate.threshold());
            parameters.put("minimumVolume", rate.minimumVolume());
        } else if (condition instanceof AlertCondition.ErrorBurst burst) {
            parameters.put("errorCode", burst.errorCode());
            parameters.put("window", burst.window().toString());
            parameters.put("minimumCount", burst.minimumCount());
        } else if (condition instanceof AlertCondition.SlowDelivery slow) {
            parameters.put("p90Threshold", slow.p90Threshold().toString());
            parameters.put("window", slow.window().toString());
            parameters.put("minimumVolume", slow.minimumVolume());
        } else if (condition instanceof AlertCondition.CallbacksStopped stopped) {
            parameters.put("window", stopped.window().toString());
            parameters.put("minimumAccepted", stopped.minimumAccepted());
        } else if (condition instanceof AlertCondition.CallbacksRefused refused) {
            parameters.put("window", refused.window().toString());
            parameters.put("minimumRefused", refused.minimumRefused());
        }
        return parameters;
    }
}
