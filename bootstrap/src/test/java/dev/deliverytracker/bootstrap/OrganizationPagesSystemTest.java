package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.OrganizationLimits;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.application.port.in.ManageOrganizations;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.OperatorRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's administration pages through the running server, as people use them: forms with
 * CSRF tokens, answered on the page. Another organization's administrator is told of nothing and
 * changes nothing; a viewer reads and is refused changes; every bad input is named beside its form.
 * Same settings as {@link DashboardSecuritySystemTest}, so both run in one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.dispatch.enabled=false",
        "tracker.retry.enabled=false",
        "tracker.alerts.enabled=false",
        "tracker.dashboard.sign-in-failures-allowed=3"})
class OrganizationPagesSystemTest extends SimulatedServiceTest {

    private static final String PASSWORD = "a-long-enough-password";
    private static final Pattern SECRET = Pattern.compile("id=\"secret\">([^<]+)<");
    private static final Actor SETUP = new Actor.Configuration("test");

    @Autowired
    ManageOperators operators;

    @Autowired
    ManageOrganizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void another_organizations_administrator_is_told_of_nothing_and_changes_nothing() {
        Organization ours = organization();
        Organization theirs = organization();
        String admin = operator(OperatorRole.ADMIN, ours);
        String theirOperator = operator(OperatorRole.VIEWER, theirs);
        long audited = audited(theirs);
        DashboardSession browser = signedIn(admin);
        String org = theirs.id().toString();

        assertThat(browser.get("/dashboard/organization?org=" + org).statusCode()).isEqualTo(404);
        assertThat(browser.get("/dashboard/organizations").body()).contains(ours.name())
                .doesNotContain(theirs.name());
        browser.get("/dashboard/organization?org=" + ours.id());
        List<HttpResponse<String>> attempts = List.of(
                browser.post("/dashboard/organization/rename", "org", org, "name", "taken over"),
                browser.post("/dashboard/organization/disable", "org", org),
                browser.post("/dashboard/organization/enable", "org", org),
                browser.post("/dashboard/organization/twilio-accounts", "org", org, "accountSid", simulator.accountSid(),
                        "authToken", simulator.authToken()),
                browser.post("/dashboard/organization/twilio-accounts/rotation", "org", org, "accountSid",
                        simulator.accountSid(), "authToken", "new-token"),
                browser.post("/dashboard/organization/twilio-accounts/rotation/finish", "org", org, "accountSid",
                        simulator.accountSid()),
                browser.post("/dashboard/organization/senders", "org", org, "channel", "sms", "from", "+15005550006"),
                browser.post("/dashboard/organization/senders/default", "org", org, "channel", "sms", "from",
                        "+15005550006"),
                browser.post("/dashboard/organization/senders/remove", "org", org, "channel", "sms", "from",
                        "+15005550006"),
                browser.post("/dashboard/organization/api-keys", "org", org, "name", "stolen", "scopes", "send"),
                browser.post("/dashboard/organization/api-keys/revoke", "org", org, "keyId", "1"),
                browser.post("/dashboard/organization/operators", "org", org, "username", "intruder", "role", "admin"),
                browser.post("/dashboard/organization/operators/role", "org", org, "username", theirOperator, "role",
                        "admin"),
                browser.post("/dashboard/organization/operators/disable", "org", org, "username", theirOperator),
                browser.post("/dashboard/organization/operators/enable", "org", org, "username", theirOperator),
                browser.post("/dashboard/organization/operators/reset-password", "org", org, "username",
                        theirOperator));

        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.statusCode()).as(attempt.uri().toString()).isEqualTo(404);
            assertThat(attempt.body()).doesNotContain(theirs.name());
        });
        assertThat(audited(theirs)).as("no change, so no audit entry").isEqualTo(audited);
        Organization now = ((AdminOutcome.Done<OrganizationLimits>) organizations.find(SETUP, theirs.id())).value()
                .organization();
        assertThat(now.name()).as("not renamed").isEqualTo(theirs.name());
        assertThat(now.enabled()).as("not disabled").isTrue();
        assertThat(count("select count(*) from api_keys where org_id = :org", theirs)).isZero();
        assertThat(count("select count(*) from operators where username = 'intruder'", theirs)).isZero();
        assertThat(operators.find(theirOperator).orElseThrow().roleIn(theirs.id())).hasValue(OperatorRole.VIEWER);
    }

    @Test
    void a_viewer_reads_the_page_without_forms_and_is_refused_changes() {
        Organization ours = organization();
        String viewer = operator(OperatorRole.VIEWER, ours);
        long audited = audited(ours);
        DashboardSession browser = signedIn(viewer);

        HttpResponse<String> page = browser.get("/dashboard/organization?org=" + ours.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"limits\"").contains("id=\"senders\"").contains("id=\"operators\"")
                .doesNotContain("id=\"rename-form\"").doesNotContain("id=\"keys\"").doesNotContain("id=\"audit\"");

        HttpResponse<String> rename = browser.post("/dashboard/organization/rename", "org", ours.id().toString(),
                "name", "renamed by a viewer");
        assertThat(rename.statusCode()).isEqualTo(403);
        assertThat(rename.body()).contains("This needs the role &#39;admin&#39; in this organization.");
        assertThat(browser.post("/dashboard/organizations", "name", "made by a viewer").statusCode()).isEqualTo(403);
        assertThat(audited(ours)).isEqualTo(audited);
    }

    @Test
    void every_bad_input_is_named_beside_its_form() {
        Organization ours = organization();
        Organization other = organization();
        String admin = operator(OperatorRole.ADMIN, ours);
        String platform = "root-" + UUID.randomUUID().toString().substring(0, 8);
        operators.define(platform, PASSWORD, OperatorRole.ADMIN, Set.of(other.name()), true);
        DashboardSession browser = signedIn(admin);
        String org = ours.id().toString();
        browser.get("/dashboard/organization?org=" + org);

        assertProblem(browser.post("/dashboard/organization/twilio-accounts", "org", org, "accountSid", "AC123",
                "authToken", "x"), 400, "problem-account", "accountSid: ");
        String account = DeliveryStoreContract.randomAccount().value();
        simulator.registerAccount(account, "the-right-token");
        assertProblem(browser.post("/dashboard/organization/twilio-accounts", "org", org, "accountSid", account,
                "authToken", "not-the-token"), 422, "problem-account", "authToken: ");
        assertProblem(browser.post("/dashboard/organization/twilio-accounts", "org", org, "accountSid",
                simulator.accountSid(), "authToken", simulator.authToken()), 409, "problem-account",
                "accountSid: account " + simulator.accountSid() + " belongs to another organization");
        assertProblem(browser.post("/dashboard/organization/rename", "org", org, "name", other.name()), 409,
                "problem-rename", "name: ");
        assertProblem(browser.post("/dashboard/organization/senders", "org", org, "channel", "sms"), 400,
                "problem-sender", "from: name either a number");
        assertProblem(browser.post("/dashboard/organization/operators", "org", org, "username", "a b", "role",
                "viewer"), 400, "problem-operator", "username: ");
        assertProblem(browser.post("/dashboard/organization/operators", "org", org, "username", "fine", "role",
                "owner"), 400, "problem-operator", "role: role must be one of viewer, operator, admin");
        assertProblem(browser.post("/dashboard/organization/api-keys", "org", org, "name", "k", "scopes", "send",
                "expiresOn", "next week"), 400, "problem-key", "expiresOn: a day written as 2027-01-31");
        assertProblem(browser.post("/dashboard/organization/api-keys", "org", org, "name", "k"), 400, "problem-key",
                "scopes: choose at least one");
        assertProblem(browser.post("/dashboard/organization/operators/disable", "org", org, "username", admin), 409,
                "problem-member-" + admin, "is the last enabled administrator");
        assertProblem(browser.post("/dashboard/organization/operators/role", "org", org, "username", admin, "role",
                "viewer"), 409, "problem-member-" + admin, "is the last enabled administrator");

        DashboardSession root = signedIn(platform);
        root.get("/dashboard/organizations");
        assertProblem(root.post("/dashboard/organizations", "name", ours.name().toUpperCase()), 409, "problem-create",
                "name: ");
        assertProblem(root.post("/dashboard/organizations", "name", " "), 400, "problem-create", "name");
    }

    @Test
    void a_key_is_shown_once_works_at_once_and_stops_at_once_when_revoked() throws Exception {
        Organization ours = organization();
        DashboardSession browser = signedIn(operator(OperatorRole.ADMIN, ours));
        String org = ours.id().toString();
        browser.get("/dashboard/organization?org=" + org);

        HttpResponse<String> issued = browser.post("/dashboard/organization/api-keys", "org", org, "name", "reports",
                "scopes", "read");
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
        Matcher shown = SECRET.matcher(issued.body());
        assertThat(shown.find()).isTrue();
        String secret = shown.group(1);
        assertThat(browser.get("/dashboard/organization?org=" + org).body()).doesNotContain(secret)
                .contains("reports");
        assertThat(api(secret, "/api/v1/organizations/" + org).statusCode()).isEqualTo(200);

        long keyId = jdbc.sql("select key_id from api_keys where org_id = :org and name = 'reports'")
                .param("org", ours.id().value()).query(Long.class).single();
        HttpResponse<String> revoked = browser.post("/dashboard/organization/api-keys/revoke", "org", org, "keyId",
                Long.toString(keyId));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(browser.get("/dashboard/organization?org=" + org).body())
                .contains("Key " + keyId + " revoked: refused from now on, on every instance.");
        assertThat(api(secret, "/api/v1/organizations/" + org).statusCode()).isEqualTo(401);
    }

    private void assertProblem(HttpResponse<String> answer, int status, String id, String text) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        Matcher problem = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(answer.body());
        assertThat(problem.find()).as("%s in %s", id, answer.body()).isTrue();
        assertThat(problem.group(1).replace("&#39;", "'")).contains(text);
    }

    private HttpResponse<String> api(String key, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private DashboardSession signedIn(String username) {
        DashboardSession browser = new DashboardSession(port);
        assertThat(browser.signIn(username, PASSWORD)).doesNotContain("error");
        return browser;
    }

    private Organization organization() {
        return ((AdminOutcome.Done<Organization>) organizations.create(SETUP,
                "pages " + UUID.randomUUID().toString().substring(0, 8))).value();
    }

    private String operator(OperatorRole role, Organization organization) {
        String name = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.define(name, PASSWORD, role, Set.of(organization.name()));
        return name;
    }

    private long audited(Organization organization) {
        return count("select count(*) from audit_events where org_id = :org", organization);
    }

    private long count(String sql, Organization organization) {
        return jdbc.sql(sql).params(sql.contains(":org") ? Map.of("org", organization.id().value())
                : Map.of()).query(Long.class).single();
    }
}
