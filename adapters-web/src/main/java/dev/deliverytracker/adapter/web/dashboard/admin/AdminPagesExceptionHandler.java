package dev.deliverytracker.adapter.web.dashboard.admin;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An organization the operator may not see (answered as not found) or an action their role does not
 * allow (forbidden) is a whole page with its reason, as on the other dashboard pages.
 */
@ControllerAdvice(basePackageClasses = AdminPagesExceptionHandler.class)
// Ahead of Spring Boot's problem-details advice, which would answer a person with JSON.
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminPagesExceptionHandler {

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
