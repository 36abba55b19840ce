package dev.deliverytracker.adapter.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * When the store fails, the callback was not recorded: answer 503 so Twilio retries it, never 200
 * (which would lose it) and never 500 (which Twilio does not retry unless told to).
 */
@RestControllerAdvice(assignableTypes = StatusCallbackController.class)
public class WebhookUnavailableHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookUnavailableHandler.class);

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unavailable(RuntimeException failure) {
        LOG.error("callback not recorded, answering 503 so Twilio retries: {}", failure.toString());
        ResponseEntity<ProblemDetail> problem = StatusCallbackController.problem(HttpStatus.SERVICE_UNAVAILABLE,
                "Callback not recorded", "the delivery store is unavailable; retry later");
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "1").body(problem.getBody());
    }
}
