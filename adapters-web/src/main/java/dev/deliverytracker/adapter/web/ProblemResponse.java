package dev.deliverytracker.adapter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem written straight to the servlet response, for the answers given outside Spring
 * MVC (the webhook, the firewall's refusals), in the same shape as the problems MVC writes.
 */
public final class ProblemResponse {

    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponse() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail, String instance)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        byte[] body = JsonMapper.shared().writeValueAsBytes(problem);
        response.setStatus(status);
        // JSON is UTF-8 by definition: no charset parameter, as the API's other problems are written.
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
