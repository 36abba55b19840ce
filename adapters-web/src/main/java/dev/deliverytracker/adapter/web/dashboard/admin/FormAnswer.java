package dev.deliverytracker.adapter.web.dashboard.admin;

import dev.deliverytracker.application.port.in.AdminOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a form on an administration page gets back when its request was not done: the status of the
 * page and a sentence naming the field at fault. Not found and not permitted are whole pages, as on
 * every other dashboard page; the rest is shown beside the form that was sent.
 */
record FormAnswer(HttpStatus status, String text) {

    /** The answer to a refused outcome; throws for not found and forbidden, which leave the page. */
    static FormAnswer of(AdminOutcome<?> outcome) {
        if (outcome instanceof AdminOutcome.NotFound<?> notFound) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + notFound.what() + " that you can see.");
        }
        if (outcome instanceof AdminOutcome.Forbidden<?> forbidden) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This needs " + forbidden.needed() + ".");
        }
        if (outcome instanceof AdminOutcome.Conflict<?> conflict) {
            return new FormAnswer(HttpStatus.CONFLICT, conflict.field() + ": " + conflict.reason());
        }
        if (outcome instanceof AdminOutcome.Rejected<?> rejected) {
            return new FormAnswer(HttpStatus.UNPROCESSABLE_CONTENT, rejected.field() + ": " + rejected.reason());
        }
        if (outcome instanceof AdminOutcome.Unavailable<?> unavailable) {
            return new FormAnswer(HttpStatus.SERVICE_UNAVAILABLE, "Nothing was changed, try again: "
                    + unavailable.reason());
        }
        throw new IllegalArgumentException("a done outcome is no refusal");
    }

    /** A value the use case refused as malformed; its message names the field. */
    static FormAnswer malformed(IllegalArgumentException invalid) {
        return new FormAnswer(HttpStatus.BAD_REQUEST, invalid.getMessage());
    }
}
