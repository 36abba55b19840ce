package dev.deliverytracker.adapter.web.dashboard;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page the dashboard refuses (no such message, not your organization, a bad range) is shown with
 * its reason. Other errors keep Spring Boot's page, which never prints an exception's message.
 */
// Ahead of Spring Boot's problem-details advice, which would show a person JSON.
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = {DashboardController.class, ConversationDashboardController.class})
class DashboardExceptionHandler {

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView refused(ResponseStatusException refused) {
        HttpStatus status = HttpStatus.valueOf(refused.getStatusCode().value());
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", refused.getReason());
        return page;
    }
}
