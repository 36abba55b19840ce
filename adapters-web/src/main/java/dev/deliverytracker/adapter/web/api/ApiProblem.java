package dev.deliverytracker.adapter.web.api;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An API answer that is not the happy one, thrown so that endpoints can declare the type they return
 * (which is what the OpenAPI description shows) and {@link ApiExceptionHandler} writes the problem.
 */
final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties;

    ApiProblem(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    static ApiProblem notFound(String title, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, title, detail, Map.of());
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    Map<String, Object> properties() {
        return properties;
    }
}
