package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.adapter.web.InvalidRequest;
import dev.deliverytracker.application.port.in.CreateAlertRuleCommand;
import dev.deliverytracker.domain.AlertCondition;
import dev.deliverytracker.domain.NotificationFormat;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.WebhookUrl;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the JSON of a new alert rule into a command, reporting every bad field at once. */
final class AlertRuleRequestReader {

    /** The request body of {@code POST /api/v1/alerts/rules}. */
    record AlertRuleRequest(String kind, Map<String, Object> parameters, String webhookUrl, String format) {
    }

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|min|h|d)");

    private final List<InvalidRequest.FieldError> errors = new ArrayList<>();
    private final Map<String, Object> parameters;

    private AlertRuleRequestReader(Map<String, Object> parameters) {
        this.parameters = parameters == null ? Map.of() : parameters;
    }

    static CreateAlertRuleCommand read(AlertRuleRequest request, OrganizationId organization) {
        if (request == null) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError("body", "a JSON object is required")));
        }
        return new AlertRuleRequestReader(request.parameters()).toCommand(request, organization);
    }

    private CreateAlertRuleCommand toCommand(AlertRuleRequest request, OrganizationId organization) {
        AlertCondition condition = condition(request.kind());
        WebhookUrl webhook = field("webhookUrl", () -> WebhookUrl.parse(request.webhookUrl()));
        NotificationFormat format = field("format",
                () -> request.format() == null ? NotificationFormat.SLACK : NotificationFormat.parse(request.format()));
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new CreateAlertRuleCommand(organization, condition, webhook, format);
    }

    private AlertCondition condition(String kind) {
        String word = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        switch (word) {
            case "failure_rate": {
                Duration window = duration("window");
                Double threshold = number("threshold");
                Integer minimum = count("minimumVolume", 20);
                return errors.isEmpty() ? field("parameters", () -> new AlertCondition.FailureRate(window, threshold,
                        minimum)) : null;
            }
            case "error_burst": {
                Integer code = count("errorCode", null);
                Duration window = duration("window");
                Integer minimum = count("minimumCount", null);
                return errors.isEmpty() ? field("parameters", () -> new AlertCondition.ErrorBurst(code, window, minimum))
                        : null;
            }
            case "slow_delivery": {
                Duration p90 = duration("p90Threshold");
                Duration window = duration("window");
                Integer minimum = count("minimumVolume", 20);
                return errors.isEmpty() ? field("parameters", () -> new AlertCondition.SlowDelivery(p90, window,
                        minimum)) : null;
            }
            case "callbacks_stopped": {
                Duration window = duration("window");
                Integer minimum = count("minimumAccepted", 5);
                return errors.isEmpty() ? field("parameters", () -> new AlertCondition.CallbacksStopped(window,
                        minimum)) : null;
            }
            case "callbacks_refused": {
                Duration window = duration("window");
                Integer minimum = count("minimumRefused", 3);
                return errors.isEmpty() ? field("parameters", () -> new AlertCondition.CallbacksRefused(window,
                        minimum)) : null;
            }
            default:
                errors.add(new InvalidRequest.FieldError("kind", "kind must be one of 'failure_rate', 'error_burst', "
                        + "'slow_delivery', 'callbacks_stopped' or 'callbacks_refused', was " + shown(kind)));
                return null;
        }
    }

    private Duration duration(String name) {
        Object value = parameters.get(name);
        return field("parameters." + name, () -> {
            if (value == null) {
                throw new IllegalArgumentException("is required: a duration such as \"15m\", \"30s\" or \"PT1H\"");
            }
            String text = value.toString().trim();
            Matcher shortForm = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                switch (shortForm.group(2)) {
                    case "ms": return Duration.ofMillis(amount);
                    case "s": return Duration.ofSeconds(amount);
                    case "m": case "min": return Duration.ofMinutes(amount);
                    case "h": return Duration.ofHours(amount);
                    default: return Duration.ofDays(amount);
                }
            }
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException notIso) {
                throw new IllegalArgumentException("must be a duration such as \"15m\", \"30s\" or \"PT1H\", was "
                        + shown(text));
            }
        });
    }

    private Double number(String name) {
        Object value = parameters.get(name);
        return field("parameters." + name, () -> {
            if (value instanceof Number number) {
                return number.doubleValue();
            }
            throw new IllegalArgumentException(value == null ? "is required: a fraction such as 0.1 for 10%"
                    : "must be a number such as 0.1 for 10%, was " + shown(value.toString()));
        });
    }

    private Integer count(String name, Integer fallback) {
        Object value = parameters.get(name);
        return field("parameters." + name, () -> {
            if (value == null && fallback != null) {
                return fallback;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                long whole = ((Number) value).longValue();
                if (whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE) {
                    return (int) whole;
                }
            }
            throw new IllegalArgumentException(value == null ? "is required: a whole number"
                    : "must be a whole number, was " + shown(value.toString()));
        });
    }

    private <T> T field(String name, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException invalid) {
            errors.add(new InvalidRequest.FieldError(name, invalid.getMessage()));
            return null;
        }
    }

    private static String shown(String value) {
        if (value == null) {
            return "nothing";
        }
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
