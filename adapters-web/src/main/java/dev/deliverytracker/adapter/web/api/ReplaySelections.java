package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.adapter.web.InvalidRequest;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks.Selection;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which refused callbacks or Event Streams batches a list or a replay takes: {@code from} and {@code to}
 * (ISO-8601 instants, the end exclusive, now by default) and {@code limit}; every bad field named at once.
 */
final class ReplaySelections {

    private ReplaySelections() {
    }

    static Selection of(OrganizationId organization, String from, String to, String limit, int defaultLimit,
            Clock clock) {
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        Instant start = instant("from", from, Instant.EPOCH, errors);
        // The end is exclusive; a millisecond past now takes in what was refused this very instant.
        Instant end = instant("to", to, clock.instant().plusMillis(1), errors);
        Integer count = limit(limit, defaultLimit, errors);
        if (errors.isEmpty() && !start.isBefore(end)) {
            errors.add(new InvalidRequest.FieldError("from", "must be before to, were " + start + " and " + end));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new Selection(organization, start, end, count);
    }

    private static Instant instant(String field, String value, Instant fallback, List<InvalidRequest.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException invalid) {
            errors.add(new InvalidRequest.FieldError(field, "must be an ISO-8601 instant such as "
                    + "2026-11-24T00:00:00Z, was '" + shown(value) + "'"));
            return fallback;
        }
    }

    private static Integer limit(String value, int fallback, List<InvalidRequest.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1 && parsed <= ReplayRefusedCallbacks.MAX_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(new InvalidRequest.FieldError("limit", "must be a whole number from 1 to "
                + ReplayRefusedCallbacks.MAX_LIMIT + ", was '" + shown(value) + "'"));
        return fallback;
    }

    private static String shown(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
