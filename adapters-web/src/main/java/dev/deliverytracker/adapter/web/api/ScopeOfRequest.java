package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.domain.ApiScope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scope an API key needs for the endpoints that predate scopes, whose use cases take an organization
 * rather than an actor: reads need {@code read}, retries {@code send}, other changes {@code manage}. The
 * send, organization, key and audit endpoints are left to their use cases, which check scopes themselves.
 */
final class ScopeOfRequest {

    private static final Pattern CHECKED_BY_USE_CASE = Pattern.compile(
            "/api/v1/(organizations(/.*)?|api-keys(/.*)?|audit)");
    private static final Pattern RETRY = Pattern.compile("/api/v1/messages/(retry|[^/]+/retry)");

    private ScopeOfRequest() {
    }

    static Optional<ApiScope> needed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if (CHECKED_BY_USE_CASE.matcher(path).matches() || ("POST".equals(method) && "/api/v1/messages".equals(path))) {
            return Optional.empty();
        }
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return Optional.of(ApiScope.READ);
        }
        if (RETRY.matcher(path).matches()) {
            return Optional.of(ApiScope.SEND);
        }
        return Optional.of(ApiScope.MANAGE);
    }
}
