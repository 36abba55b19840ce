package dev.deliverytracker.adapter.web.api.admin;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every bad administrative request as a problem (RFC 9457) that names the field at fault. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = AdminExceptionHandler.class)
class AdminExceptionHandler {

    /** Value objects and commands refuse with "field: what is wrong"; the field is lifted out. */
    private static final Pattern FIELD_FIRST = Pattern.compile("([A-Za-z][A-Za-z0-9.\\[\\]]{0,40}): (.+)", Pattern.DOTALL);

    @ExceptionHandler(AdminProblem.class)
    ProblemDetail problem(AdminProblem thrown) {
        return thrown.problem();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegal(IllegalArgumentException illegal) {
        String message = illegal.getMessage() == null ? "invalid request" : illegal.getMessage();
        Matcher matcher = FIELD_FIRST.matcher(message);
        if (matcher.matches()) {
            return AdminProblem.invalid(HttpStatus.BAD_REQUEST, "Invalid request", matcher.group(1), matcher.group(2))
                    .problem();
        }
        return AdminProblem.of(HttpStatus.BAD_REQUEST, "Invalid request", message).problem();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException mismatch) {
        return AdminProblem.invalid(HttpStatus.BAD_REQUEST, "Invalid request", mismatch.getName(),
                "is not a valid value").problem();
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the body is not the JSON this endpoint takes");
        problem.setTitle("Unreadable request");
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", "not the JSON this endpoint takes")));
        return problem;
    }
}
