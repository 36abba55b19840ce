package dev.deliverytracker.adapter.web;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad API requests as RFC 9457 problem details that say which field is wrong and why. */
// Ahead of Spring's generic problem handler, so these answers say what exactly is wrong.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {MessageApiController.class, ApiKeyController.class, RetryApiController.class,
        AlertApiController.class, InsightsApiController.class, RefusedCallbackApiController.class})
public class ApiExceptionHandler {

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
