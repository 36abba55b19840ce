package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.ManageApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request under {@code /api/} names its organization by an API key, as
 * {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}. Without a valid key: 401. The filter
 * only authenticates: what the key may do (its organization, its scopes) is decided by each use case.
 */
@Component
public class ApiKeyFilter extends OncePerRequestFilter {

    /** The request attribute that carries the authenticated organization. */
    public static final String ORGANIZATION = "dev.deliverytracker.adapter.web.organization";

    /** The request attribute that carries the key as the actor every use case decides from (ADR 0045). */
    public static final String ACTOR = "dev.deliverytracker.adapter.web.actor";

    /** The request attribute that carries the authenticated key and its organization, for its send budget. */
    public static final String CALLER = "dev.deliverytracker.adapter.web.caller";

    private final ManageApiKeys apiKeys;

    public ApiKeyFilter(ManageApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = presentedKey(request);
        if (presented.isEmpty()) {
            unauthorized(response, "an API key is required: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'");
            return;
        }
        Optional<ApiCaller> caller = apiKeys.identify(presented.get());
        if (caller.isEmpty()) {
            unauthorized(response, "the API key is not valid (unknown or revoked)");
            return;
        }
        request.setAttribute(ORGANIZATION, caller.get().organization());
        request.setAttribute(CALLER, caller.get());
        request.setAttribute(ACTOR, Actor.key(caller.get()));
        chain.doFilter(request, response);
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        return Optional.ofNullable(request.getHeader("X-Api-Key")).map(String::trim).filter(key -> !key.isEmpty());
    }

    private static void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + detail.replace("\"", "'") + "\"}");
    }
}
