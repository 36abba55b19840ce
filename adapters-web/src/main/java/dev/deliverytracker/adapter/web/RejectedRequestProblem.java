package dev.deliverytracker.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request Spring Security's firewall refuses (a {@code //} or an encoded slash in the path, a
 * header with control characters, ...) gets a 400 problem that says why, like every other refusal
 * of the API, instead of the servlet container's generic error page.
 */
public class RejectedRequestProblem implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        // The firewall's messages name the rule that was broken, not the request's own text.
        ProblemResponse.write(response, HttpStatus.BAD_REQUEST.value(), "Request rejected",
                LogSafe.text(rejected.getMessage()), null);
    }
}
