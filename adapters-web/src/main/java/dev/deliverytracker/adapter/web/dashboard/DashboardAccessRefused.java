package dev.deliverytracker.adapter.web.dashboard;

import dev.deliverytracker.application.port.in.AccessRefused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A use case refused the signed-in operator (ADR 0045): a whole page, as every other refusal of the
 * dashboard, "not found" for another organization's things and "forbidden" naming the role needed.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(basePackageClasses = DashboardAccessRefused.class)
class DashboardAccessRefused {

    @ExceptionHandler(AccessRefused.class)
    ModelAndView refused(AccessRefused refused) {
        HttpStatus status = refused.hidden() ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN;
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", refused.hidden() ? "Not among your organizations." : "This " + refused.getMessage()
                + ".");
        return page;
    }
}
