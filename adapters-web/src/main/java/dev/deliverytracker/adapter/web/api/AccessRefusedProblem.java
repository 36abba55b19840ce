package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.in.AccessRefused;
import dev.deliverytracker.application.port.in.AdminOutcome;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A use case refused the key (ADR 0045): another organization's thing is not found, a missing scope is
 * forbidden and named, for every endpoint of the API, the same answers the administrative ones give.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = AccessRefusedProblem.class)
class AccessRefusedProblem {

    @ExceptionHandler(AccessRefused.class)
    ProblemDetail refused(AccessRefused refused) {
        if (refused.hidden()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, refused.getMessage()
                    + " in your organization");
            problem.setTitle("Not found");
            return problem;
        }
        String needed = ((AdminOutcome.Forbidden<?>) refused.refusal()).needed();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refused.getMessage());
        problem.setTitle("Not permitted");
        problem.setProperty("needed", needed);
        return problem;
    }
}
