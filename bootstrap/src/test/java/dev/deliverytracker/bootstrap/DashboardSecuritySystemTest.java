package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The dashboard's door, through the running server: sign-in with CSRF, the session cookie's flags,
 * the security headers, throttled guessing, and operators kept to their own organizations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.dispatch.enabled=false",
        "tracker.retry.enabled=false",
        "tracker.alerts.enabled=false",
        "tracker.dashboard.sign-in-failures-allowed=3"})
class DashboardSecuritySystemTest extends SimulatedServiceTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Autowired
    TrackerFixture fixture;

    @Autowired
    ManageOperators operators;

    private final Map<OrganizationId, String> names = new HashMap<>();

    @Test
    void pages_need_a_signed_in_operator_and_sign_in_needs_the_forms_csrf_token() {
        DashboardSession browser = new DashboardSession(port);
        String name = operator(OperatorRole.VIEWER, organization()).username();

        HttpResponse<String> anonymous = browser.get("/dashboard");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));

        browser.get("/login");
        HttpResponse<String> forged = browser.postWithoutToken("/login", "username", name, "password", PASSWORD);
        assertThat(forged.statusCode()).isEqualTo(403);

        assertThat(browser.signIn(name, "wrong-password-x")).endsWith("/login?error");
        assertThat(browser.signIn(name, PASSWORD)).contains("/dashboard");
        HttpResponse<String> overview = browser.get("/dashboard");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("id=\"who\">" + name + "<");
    }

    @Test
    void the_session_cookie_is_secure_and_http_only_and_pages_carry_the_security_headers() {
        HttpResponse<String> login = new DashboardSession(port).get("/login");

        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly").contains("SameSite=Strict"));
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe"));
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void after_too_many_wrong_passwords_even_the_right_one_is_turned_away_for_a_while() {
        DashboardSession guesser = new DashboardSession(port);
        String name = operator(OperatorRole.VIEWER, organization()).username();

        for (int i = 0; i < 3; i++) {
            assertThat(guesser.signIn(name, "guess-number-" + i)).endsWith("/login?error");
        }

        assertThat(guesser.signIn(name, PASSWORD)).contains("/login?throttled=");
        assertThat(guesser.get("/login?throttled=15").body()).contains("Too many failed sign-ins. Try again in 15 minute(s).");
        assertThat(guesser.get("/dashboard").statusCode()).isEqualTo(302);
    }

    @Test
    void an_operator_sees_only_their_organizations() {
        Operator ours = operator(OperatorRole.VIEWER, organization());
        OrganizationId theirs = organization();
        String theirMessage = fixture.acceptedMessage(theirs).id().orElseThrow().toString();
        String ourMessage = fixture.acceptedMessage(ours.organization()).id().orElseThrow().toString();
        DashboardSession browser = new DashboardSession(port);
        browser.signIn(ours.username(), PASSWORD);

        assertThat(browser.get("/dashboard?org=" + ours.organization()).statusCode()).isEqualTo(200);
        HttpResponse<String> other = browser.get("/dashboard/messages?org=" + theirs);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("No organization " + theirs + " among yours.");
        assertThat(browser.get("/dashboard/messages/" + theirMessage).statusCode()).isEqualTo(404);
        assertThat(browser.get("/dashboard/messages/" + ourMessage).statusCode()).isEqualTo(200);
        assertThat(browser.get("/dashboard/messages?org=" + ours.organization()).body())
                .contains("message-" + ourMessage).doesNotContain("message-" + theirMessage);
    }

    @Test
    void only_an_admin_may_send_a_message_again() {
        Operator viewer = operator(OperatorRole.VIEWER, organization());
        String message = fixture.acceptedMessage(viewer.organization()).id().orElseThrow().toString();
        DashboardSession browser = new DashboardSession(port);
        browser.signIn(viewer.username(), PASSWORD);
        browser.get("/dashboard/messages/" + message);

        assertThat(browser.post("/dashboard/messages/" + message + "/retry").statusCode()).isEqualTo(403);
    }

    @Test
    void a_bad_filter_is_named_on_the_page() {
        Operator viewer = operator(OperatorRole.VIEWER, organization());
        DashboardSession browser = new DashboardSession(port);
        browser.signIn(viewer.username(), PASSWORD);

        HttpResponse<String> page = browser.get("/dashboard/messages?status=lost&errorCode=abc");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("status: must be a status such as").contains("errorCode: must be a Twilio error code");
        assertThat(browser.get("/dashboard?range=1y").statusCode()).isEqualTo(400);
    }

    private OrganizationId organization() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        OrganizationId organization = fixture.organizationOf(account, "dashboard-test-token");
        // The name TrackerFixture gives: operators are defined by organization name.
        names.put(organization, "org " + account.value());
        return organization;
    }

    private Operator operator(OperatorRole role, OrganizationId organization) {
        String name = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.define(name, PASSWORD, role, Set.of(names.get(organization)));
        return new Operator(name, organization);
    }

    private record Operator(String username, OrganizationId organization) {
    }
}
