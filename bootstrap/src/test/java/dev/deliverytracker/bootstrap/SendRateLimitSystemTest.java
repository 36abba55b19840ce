package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.domain.OrganizationId;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The send API's budgets through the real server and PostgreSQL: a key over its budget is answered 429
 * with Retry-After and a problem that names the budget; an organization's keys share its budget. The
 * budgets refill over ten minutes, so the test never races the refill.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + SendRateLimitSystemTest.API_KEY,
        "tracker.rate-limits.per-key-requests=3",
        "tracker.rate-limits.per-key-period=10m",
        "tracker.rate-limits.per-organization-requests=5",
        "tracker.rate-limits.per-organization-period=10m",
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms"})
@DirtiesContext
class SendRateLimitSystemTest extends SimulatedServiceTest {

    static final String API_KEY = "dt_rate-limit-system-test-key-0001";

    @Autowired
    ManageApiKeys apiKeys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_key_over_its_budget_gets_429_with_retry_after_and_a_problem_naming_the_key_budget() {
        ApiClient api = new ApiClient(port, freshKey("budget of a key"));
        for (int i = 0; i < 3; i++) {
            assertThat(send(api).statusCode()).as("request %d", i).isEqualTo(202);
        }

        HttpResponse<String> refused = send(api);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        // 3 per 10 minutes: one token every 200 s, a little less by the time the answer is written.
        assertThat(retryAfter).isBetween(150L, 200L);
        assertThat(refused.body()).contains("\"budget\":\"api-key\"", "\"status\":429", "\"limit\":3",
                "\"retryAfterSeconds\":" + retryAfter);
        assertThat(new ApiClient(port, freshKey("another key")).post("/api/v1/messages/1/retry", "").statusCode())
                .as("another key has a budget of its own").isNotEqualTo(429);
    }

    @Test
    void the_keys_of_an_organization_share_its_budget_and_retries_count_too() {
        OrganizationId organization = newOrganization();
        ApiClient first = new ApiClient(port, apiKeys.issue(organization, "first").secret());
        ApiClient second = new ApiClient(port, apiKeys.issue(organization, "second").secret());
        for (int i = 0; i < 3; i++) {
            assertThat(first.post("/api/v1/messages/999999999/retry", "").statusCode()).isEqualTo(404);
        }
        assertThat(second.post("/api/v1/messages/retry", "{\"since\":\"2026-11-24T00:00:00Z\"}").statusCode())
                .isEqualTo(200);
        assertThat(second.post("/api/v1/messages/999999999/retry", "").statusCode()).isEqualTo(404);

        HttpResponse<String> refused = second.post("/api/v1/messages/999999999/retry", "");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("\"budget\":\"organization\"", "\"limit\":5");
        assertThat(second.get("/api/v1/messages/1").statusCode()).as("reads have no budget").isNotEqualTo(429);
    }

    @Test
    void an_organizations_own_limit_in_the_database_replaces_the_default() {
        OrganizationId organization = newOrganization();
        jdbc.sql("insert into organization_rate_limits (org_id, per_key_requests, per_key_seconds) values (:org, 1, 600)")
                .param("org", organization.value()).update();
        ApiClient api = new ApiClient(port, apiKeys.issue(organization, "limited").secret());

        assertThat(api.post("/api/v1/messages/999999999/retry", "").statusCode()).isEqualTo(404);
        HttpResponse<String> refused = api.post("/api/v1/messages/999999999/retry", "");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"budget\":\"api-key\"", "\"limit\":1");
    }

    private String freshKey(String name) {
        return apiKeys.issue(defaultOrganization(), name).secret();
    }

    private OrganizationId defaultOrganization() {
        return apiKeys.identify(API_KEY).orElseThrow().organization();
    }

    private OrganizationId newOrganization() {
        return OrganizationId.of(jdbc.sql("insert into organizations (name) values (:name) returning org_id")
                .param("name", "rate-limits-" + ThreadLocalRandom.current().nextInt(1_000_000)).query(Long.class)
                .single());
    }

    private static HttpResponse<String> send(ApiClient api) {
        return api.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"+3165" + (1_000_000
                + ThreadLocalRandom.current().nextInt(8_999_999)) + "\",\"body\":\"budget\"}");
    }
}
