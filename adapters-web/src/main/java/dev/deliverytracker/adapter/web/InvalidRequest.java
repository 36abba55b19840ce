package dev.deliverytracker.adapter.web;

import java.util.List;

/** A request with one or more fields we cannot accept; each error names its field. */
public final class InvalidRequest extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(errors.size() + " invalid field(s): " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
