package dev.deliverytracker.adapter.web.api.admin;

import dev.deliverytracker.application.port.in.AdminOutcome;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** An administrative outcome other than done, thrown so endpoints can declare their happy type. */
final class AdminProblem extends RuntimeException {

    private final transient ProblemDetail problem;

    private AdminProblem(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    ProblemDetail problem() {
        return problem;
    }

    /** The value of a done outcome, or the problem that says why not. */
    static <T> T valueOf(AdminOutcome<T> outcome) {
        if (outcome instanceof AdminOutcome.Done<T> done) {
            return done.value();
        }
        if (outcome instanceof AdminOutcome.NotFound<T> notFound) {
            throw of(HttpStatus.NOT_FOUND, "Not found", "no " + notFound.what() + " that you can see");
        }
        if (outcome instanceof AdminOutcome.Forbidden<T> forbidden) {
            AdminProblem thrown = of(HttpStatus.FORBIDDEN, "Not permitted", "this needs " + forbidden.needed());
            thrown.problem.setProperty("needed", forbidden.needed());
            throw thrown;
        }
        if (outcome instanceof AdminOutcome.Rejected<T> rejected) {
            throw invalid(HttpStatus.UNPROCESSABLE_CONTENT, "Refused", rejected.field(), rejected.reason());
        }
        if (outcome instanceof AdminOutcome.Unavailable<T> unavailable) {
            throw of(HttpStatus.SERVICE_UNAVAILABLE, "Try again later", unavailable.reason());
        }
        AdminOutcome.Conflict<T> conflict = (AdminOutcome.Conflict<T>) outcome;
        throw invalid(HttpStatus.CONFLICT, "Conflict", conflict.field(), conflict.reason());
    }

    static AdminProblem of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new AdminProblem(problem);
    }

    /** A problem naming the field at fault, in the {@code errors} form every 400 of the API uses. */
    static AdminProblem invalid(HttpStatus status, String title, String field, String message) {
        AdminProblem thrown = of(status, title, field + ": " + message);
        thrown.problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return thrown;
    }
}
