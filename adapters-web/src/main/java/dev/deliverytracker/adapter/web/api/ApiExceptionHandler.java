package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.adapter.web.InvalidRequest;
import dev.deliverytracker.application.port.in.AdmitSendRequest.Admission.OverBudget;
import dev.deliverytracker.application.port.in.AdmitSendRequest.Budget;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad API requests as RFC 9457 problem details that say which field is wrong and why. */
// Ahead of Spring's generic problem handler, so these answers say what exactly is wrong.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {MessageApiController.class, RetryApiController.class,
        AdoptionApiController.class, RegistrationApiController.class,
        AlertApiController.class, InsightsApiController.class, RefusedCallbackApiController.class,
        CustomerServiceWindowApiController.class, SpendApiController.class})
class ApiExceptionHandler {

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                invalid.errors().size() == 1 ? invalid.errors().get(0).field() + ": " + invalid.errors().get(0).message()
                        : invalid.errors().size() + " fields are invalid");
        problem.setTitle("Invalid request");
        List<Map<String, String>> errors = invalid.errors().stream()
                .map(error -> Map.of("field", error.field(), "message", error.message())).toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(ApiProblem.class)
    ProblemDetail problem(ApiProblem thrown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(thrown.status(), thrown.getMessage());
        problem.setTitle(thrown.title());
        thrown.properties().forEach(problem::setProperty);
        return problem;
    }

    /** 429 with Retry-After, and a body that says which budget ran out, what it is and when to come back. */
    @ExceptionHandler(SendBudgetExceeded.class)
    ResponseEntity<ProblemDetail> overBudget(SendBudgetExceeded exceeded) {
        OverBudget over = exceeded.over();
        String whose = over.budget() == Budget.API_KEY ? "this API key" : "your organization";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "the send budget of " + whose + " is spent (" + over.limit().requests() + " requests per "
                        + over.limit().per().toSeconds() + " s); try again in " + exceeded.retryAfterSeconds() + " s");
        problem.setTitle("Send budget exceeded");
        problem.setProperty("budget", over.budget().wireName());
        problem.setProperty("limit", over.limit().requests());
        problem.setProperty("periodSeconds", over.limit().per().toSeconds());
        problem.setProperty("retryAfterSeconds", exceeded.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(exceeded.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegal(IllegalArgumentException illegal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, illegal.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the body is not the JSON this endpoint takes: " + firstLine(unreadable.getMostSpecificCause().getMessage()));
        problem.setTitle("Unreadable request");
        return problem;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no details";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
