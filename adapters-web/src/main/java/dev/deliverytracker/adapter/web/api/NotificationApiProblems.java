package dev.deliverytracker.adapter.web.api;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The API's problem+json answers ({@link ApiExceptionHandler}) for the notification endpoints too. */
@RestControllerAdvice(assignableTypes = NotificationApiController.class)
class NotificationApiProblems extends ApiExceptionHandler {
}
