package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.CallbackClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.in.ManageOrganizations;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.OrganizationId;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Organizations managed through the running service: a platform key creates them and issues their keys;
 * a key of one organization can neither read, change nor learn of another's (404, and nothing changes);
 * a disabled organization's sends are refused with a problem that says so while its callbacks are still
 * recorded and its history stays readable; the audit trail shows each step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + OrganizationAdminSystemTest.PLATFORM_KEY,
        "tracker.dispatch.enabled=false", "tracker.notifications.allow-http-loopback=true"})
class OrganizationAdminSystemTest extends SimulatedServiceTest {

    static final String PLATFORM_KEY = "dt_organization-admin-system-test-platform";

    private static final Pattern ORG_ID = Pattern.compile("\"id\":\"(\\d+)\"");
    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");
    private static final Pattern KEY_ID = Pattern.compile("\"id\":(\\d+)");

    @Autowired
    TrackerFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManageOrganizations organizations;

    private ApiClient platform() {
        return new ApiClient(port, PLATFORM_KEY);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String createOrganization(String name) {
        HttpResponse<String> created = platform().post("/api/v1/organizations", "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("/api/v1/organizations/"));
        return group(ORG_ID, created.body());
    }

    private String issueKey(ApiClient as, String organization, String body) {
        HttpResponse<String> issued = as.post("/api/v1/organizations/" + organization + "/api-keys", body);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return group(KEY, issued.body());
    }

    private static String group(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as("%s in %s", pattern, body).isTrue();
        return matcher.group(1);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String... contains) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status);
        for (String expected : contains) {
            assertThat(response.body()).contains(expected);
        }
    }

    @Test
    void a_platform_administrator_creates_organizations_and_bad_input_gets_a_problem_naming_the_field() {
        String name = unique("North");
        String id = createOrganization(name);

        assertProblem(platform().post("/api/v1/organizations", "{\"name\":\"" + name.toLowerCase() + "\"}"), 409,
                "\"field\":\"name\"", "exists already");
        assertProblem(platform().post("/api/v1/organizations", "{\"name\":\"\"}"), 400, "\"field\":\"name\"");
        assertProblem(platform().post("/api/v1/organizations", "{\"name\":\"../etc\"}"), 400, "\"field\":\"name\"");
        assertProblem(platform().post("/api/v1/organizations", "not json"), 400);
        assertProblem(platform().get("/api/v1/organizations/abc"), 400, "\"field\":\"id\"");
        assertProblem(platform().post("/api/v1/organizations/" + id + "/api-keys",
                "{\"name\":\"k\",\"scopes\":[\"root\"]}"), 400, "\"field\":\"scopes\"");
        assertProblem(platform().post("/api/v1/organizations/" + id + "/api-keys",
                "{\"name\":\"k\",\"expiresAt\":\"tomorrow\"}"), 400, "\"field\":\"expiresAt\"");

        HttpResponse<String> details = platform().get("/api/v1/organizations/" + id);
        assertThat(details.statusCode()).isEqualTo(200);
        assertThat(details.body()).contains("\"name\":\"" + name + "\"", "\"enabled\":true", "\"sendBudgets\"",
                "\"perApiKey\"", "\"retryPolicy\"", "\"pacing\"", "\"retentionDays\":400", "\"windowEnforcement\"");
        assertThat(platform().get("/api/v1/organizations").body()).contains(name, "\"name\":\"default\"");
    }

    @Test
    void a_key_of_one_organization_can_neither_read_change_nor_learn_of_another() {
        String north = createOrganization(unique("north"));
        String south = createOrganization(unique("south"));
        ApiClient northAdmin = new ApiClient(port, issueKey(platform(), north, "{\"name\":\"north admin\"}"));
        String southKey = issueKey(platform(), south, "{\"name\":\"south service\"}");
        String southKeyId = jdbc.sql("select max(key_id) from api_keys where org_id = :org")
                .param("org", Long.parseLong(south)).query(Long.class).single().toString();
        long auditedBefore = audited(south);
        String southName = platform().get("/api/v1/organizations/" + south).body();

        assertThat(northAdmin.get("/api/v1/organizations").body()).contains("\"id\":\"" + north + "\"")
                .doesNotContain("\"id\":\"" + south + "\"");
        assertProblem(northAdmin.get("/api/v1/organizations/" + south), 404);
        assertProblem(northAdmin.get("/api/v1/organizations/" + Long.MAX_VALUE), 404);
        assertProblem(northAdmin.patch("/api/v1/organizations/" + south, "{\"name\":\"taken\"}"), 404);
        assertProblem(northAdmin.post("/api/v1/organizations/" + south + "/disable", ""), 404);
        assertProblem(northAdmin.get("/api/v1/organizations/" + south + "/api-keys"), 404);
        assertProblem(northAdmin.post("/api/v1/organizations/" + south + "/api-keys", "{\"name\":\"spy\"}"), 404);
        assertProblem(northAdmin.delete("/api/v1/organizations/" + south + "/api-keys/" + southKeyId), 404);
        assertProblem(northAdmin.delete("/api/v1/api-keys/" + southKeyId), 404);
        assertProblem(northAdmin.get("/api/v1/organizations/" + south + "/audit"), 404);
        assertProblem(northAdmin.get("/api/v1/audit"), 403);
        assertProblem(northAdmin.post("/api/v1/organizations", "{\"name\":\"" + unique("mine") + "\"}"), 403,
                "platform");
        assertProblem(northAdmin.post("/api/v1/organizations/" + north + "/disable", ""), 403);
        assertProblem(northAdmin.post("/api/v1/organizations/" + north + "/api-keys",
                "{\"name\":\"escalate\",\"scopes\":[\"platform\"]}"), 403);

        assertThat(platform().get("/api/v1/organizations/" + south).body()).isEqualTo(southName);
        assertThat(new ApiClient(port, southKey).get("/api/v1/api-keys").statusCode()).as("south's key still works")
                .isEqualTo(200);
        assertThat(audited(south)).as("no change written for south").isEqualTo(auditedBefore);
        assertThat(jdbc.sql("select count(*) from api_keys where org_id = :org").param("org", Long.parseLong(south))
                .query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The endpoints older than the administrative ones (messages, insights, retries, alerts, notifications,
     * windows, adoption, registration, spend, quarantines): their use cases decide (ADR 0045), the key's
     * filter only authenticates. A key never reaches another organization's things (404), a key without
     * the scope is refused naming it (403), and neither leaves a trace in either organization's rows.
     */
    @Test
    void every_api_endpoint_refuses_another_organizations_things_and_a_key_without_the_scope_changing_nothing() {
        AccountSid southAccount = DeliveryStoreContract.randomAccount();
        OrganizationId south = fixture.organizationOf(southAccount, "token-" + southAccount.value().substring(30));
        Message southMessage = fixture.acceptedMessage(south);
        ApiClient southKey = new ApiClient(port, issueKey(platform(), south.toString(), "{\"name\":\"south\"}"));
        String southRule = group(ORG_ID, southKey.post("/api/v1/alerts/rules", ALERT_RULE).body());
        String southSubscription = group(ORG_ID, southKey.post("/api/v1/notification-subscriptions",
                "{\"url\":\"http://127.0.0.1:9/south\"}").body());
        AccountSid northAccount = DeliveryStoreContract.randomAccount();
        OrganizationId north = fixture.organizationOf(northAccount, "token-" + northAccount.value().substring(30));
        Message northMessage = fixture.acceptedMessage(north);
        String northRule = group(ORG_ID, new ApiClient(port, issueKey(platform(), north.toString(),
                "{\"name\":\"north rules\"}")).post("/api/v1/alerts/rules", ALERT_RULE).body());
        ApiClient northAll = new ApiClient(port, issueKey(platform(), north.toString(), "{\"name\":\"north\"}"));
        ApiClient noRead = new ApiClient(port, issueKey(platform(), north.toString(),
                "{\"name\":\"no read\",\"scopes\":[\"send\",\"manage\"]}"));
        ApiClient noSend = new ApiClient(port, issueKey(platform(), north.toString(),
                "{\"name\":\"no send\",\"scopes\":[\"read\",\"manage\"]}"));
        ApiClient noManage = new ApiClient(port, issueKey(platform(), north.toString(),
                "{\"name\":\"no manage\",\"scopes\":[\"read\",\"send\"]}"));
        String southBefore = rowsOf(south);
        String northBefore = rowsOf(north);

        String theirs = southMessage.id().orElseThrow().toString();
        assertProblem(northAll.get("/api/v1/messages/" + theirs), 404);
        assertProblem(northAll.get("/api/v1/messages/" + theirs + "/timeline"), 404);
        assertProblem(northAll.post("/api/v1/messages/" + theirs + "/retry?force=true", ""), 404);
        assertProblem(northAll.delete("/api/v1/alerts/rules/" + southRule), 404);
        for (String path : List.of("", "/pause", "/enable", "/rotate-secret", "/test")) {
            HttpResponse<String> answer = path.isEmpty()
                    ? northAll.get("/api/v1/notification-subscriptions/" + southSubscription)
                    : northAll.post("/api/v1/notification-subscriptions/" + southSubscription + path, "{}");
            assertProblem(answer, 404);
        }
        assertProblem(northAll.put("/api/v1/notification-subscriptions/" + southSubscription,
                "{\"url\":\"http://127.0.0.1:9/taken\"}"), 404);
        assertProblem(northAll.delete("/api/v1/notification-subscriptions/" + southSubscription), 404);
        assertThat(northAll.get("/api/v1/messages?limit=200").body()).doesNotContain("\"id\":\"" + theirs + "\"");
        assertThat(northAll.get("/api/v1/messages.csv").body()).doesNotContain(southMessage.sid().orElseThrow().value());
        assertThat(northAll.get("/api/v1/alerts/rules").body()).doesNotContain("\"id\":\"" + southRule + "\"");
        assertThat(northAll.get("/api/v1/notification-subscriptions").body())
                .doesNotContain("\"id\":\"" + southSubscription + "\"");

        String mine = northMessage.id().orElseThrow().toString();
        String range = "from=" + java.time.Instant.now().minusSeconds(3600) + "&until="
                + java.time.Instant.now().plusSeconds(3600);
        for (String path : List.of("/api/v1/messages/" + mine, "/api/v1/messages/" + mine + "/timeline",
                "/api/v1/messages", "/api/v1/messages.csv", "/api/v1/failures?" + range,
                "/api/v1/statistics?" + range + "&interval=hour", "/api/v1/statistics/spend?" + range,
                "/api/v1/retry-policy", "/api/v1/alerts/rules", "/api/v1/alerts/history", "/api/v1/adoption",
                "/api/v1/conversations?recipient=%2B31612345678", "/api/v1/whatsapp-windows?recipient=%2B31612345678",
                "/api/v1/whatsapp-windows", "/api/v1/notification-subscriptions",
                "/api/v1/notification-subscriptions/" + southSubscription, "/api/v1/notification-dead-letters",
                "/api/v1/refused-callbacks", "/api/v1/refused-event-batches", "/api/v1/status-callback-secret")) {
            assertProblem(noRead.get(path), 403, "scope 'read'");
        }
        assertProblem(noSend.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"+31612345678\",\"body\":\"x\"}"),
                403, "scope 'send'");
        assertProblem(noSend.post("/api/v1/messages/" + mine + "/retry?force=true", ""), 403, "scope 'send'");
        assertProblem(noSend.post("/api/v1/messages/retry", "{\"since\":\"2026-01-01T00:00:00Z\"}"), 403,
                "scope 'send'");
        assertProblem(noManage.put("/api/v1/retry-policy",
                "{\"enabled\":true,\"maxAttempts\":9,\"firstDelay\":\"PT1M\",\"maxDelay\":\"PT5M\"}"), 403,
                "scope 'manage'");
        assertProblem(noManage.post("/api/v1/alerts/rules", ALERT_RULE), 403, "scope 'manage'");
        assertProblem(noManage.delete("/api/v1/alerts/rules/" + northRule), 403, "scope 'manage'");
        assertProblem(noManage.put("/api/v1/adoption", "{\"policy\":\"refuse\"}"), 403, "scope 'manage'");
        assertProblem(noManage.post("/api/v1/adoption/unmatched", ""), 403, "scope 'manage'");
        assertProblem(noManage.put("/api/v1/whatsapp-windows/enforcement", "{\"mode\":\"refuse\"}"), 403,
                "scope 'manage'");
        assertProblem(noManage.post("/api/v1/notification-subscriptions",
                "{\"url\":\"http://127.0.0.1:9/north\"}"), 403, "scope 'manage'");
        assertProblem(noManage.post("/api/v1/notification-dead-letters/1/replay", ""), 403, "scope 'manage'");
        assertProblem(noManage.post("/api/v1/notification-dead-letters/replay", "{}"), 403, "scope 'manage'");
        assertProblem(noManage.post("/api/v1/refused-callbacks/replay", "{}"), 403, "scope 'manage'");
        assertProblem(noManage.post("/api/v1/refused-event-batches/replay", "{}"), 403, "scope 'manage'");
        assertProblem(noManage.post("/api/v1/status-callback-secret", "{}"), 403, "scope 'manage'");
        assertProblem(noManage.put("/api/v1/registered-messages/SM" + "1".repeat(32),
                "{\"channel\":\"sms\",\"to\":\"+31612345678\",\"from\":\"+15005550006\",\"body\":\"x\"}"),
                403, "scope 'manage'");

        assertThat(rowsOf(south)).as("nothing of south's changed").isEqualTo(southBefore);
        assertThat(rowsOf(north)).as("nothing of north's changed").isEqualTo(northBefore);
    }

    private static final String ALERT_RULE = """
            {"kind":"failure_rate","parameters":{"window":"15m","threshold":0.25,"minimumVolume":5},
             "webhookUrl":"https://hooks.example.com/alerts","format":"json"}""";

    /** Every row an organization's settings, messages and administration live in, as one text to compare. */
    private String rowsOf(OrganizationId organization) {
        StringBuilder rows = new StringBuilder();
        for (String table : List.of("organizations", "messages", "message_outbox", "message_delivery_log",
                "alert_rules", "notification_subscriptions", "notification_deliveries", "retry_policies",
                "whatsapp_window_enforcement", "audit_events")) {
            rows.append(table).append(": ").append(jdbc.sql("select coalesce(string_agg(t::text, '|' order by t::text), '')"
                    + " from " + table + " t where t.org_id = :org").param("org", organization.value())
                    .query(String.class).single()).append('\n');
        }
        return rows.toString();
    }

    /**
     * The change and its audit row are one transaction (ADR 0082): when PostgreSQL refuses the audit row
     * (a trigger stands in for a full disk or a broken constraint), the rename is rolled back with it.
     */
    @Test
    void a_change_whose_audit_row_cannot_be_written_is_not_made_and_a_refused_one_writes_no_row() {
        String id = createOrganization(unique("atomic"));
        OrganizationId organization = OrganizationId.of(Long.parseLong(id));
        String source = unique("failing-audit");
        String before = jdbc.sql("select name from organizations where org_id = :org").param("org", organization.value())
                .query(String.class).single();
        jdbc.sql("""
                create or replace function audit_refused_for_a_test() returns trigger language plpgsql as $$
                begin
                    if new.actor like 'configuration:failing-audit-%' then
                        raise exception 'audit row refused for the test';
                    end if;
                    return new;
                end $$""").update();
        jdbc.sql("create trigger audit_refused_for_a_test before insert on audit_events for each row "
                + "execute function audit_refused_for_a_test()").update();
        try {
            assertThatThrownBy(() -> organizations.rename(new Actor.Configuration(source), organization,
                    unique("renamed"))).hasMessageContaining("audit row refused for the test");
        } finally {
            jdbc.sql("drop trigger audit_refused_for_a_test on audit_events").update();
            jdbc.sql("drop function audit_refused_for_a_test()").update();
        }
        assertThat(jdbc.sql("select name from organizations where org_id = :org").param("org", organization.value())
                .query(String.class).single()).as("the rename rolled back with its audit row").isEqualTo(before);

        long audited = audited(id);
        Actor stranger = Actor.key(new ApiCaller(1, OrganizationId.of(Long.MAX_VALUE)));
        assertThat(organizations.rename(stranger, organization, unique("hijacked")))
                .isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(audited(id)).as("a refused change writes no row").isEqualTo(audited);

        String renamed = unique("renamed");
        assertThat(organizations.rename(new Actor.Configuration("test"), organization, renamed))
                .isInstanceOf(AdminOutcome.Done.class);
        assertThat(audited(id)).as("a change writes its row").isEqualTo(audited + 1);
    }

    @Test
    void scopes_limit_a_key_and_a_revoked_key_is_refused_at_the_next_request() {
        String id = createOrganization(unique("scoped"));
        ApiClient reader = new ApiClient(port, issueKey(platform(), id, "{\"name\":\"reader\",\"scopes\":[\"read\"]}"));
        ApiClient admin = new ApiClient(port, issueKey(platform(), id, "{\"name\":\"admin\"}"));

        assertThat(reader.get("/api/v1/organizations/" + id).statusCode()).isEqualTo(200);
        assertProblem(reader.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"+31612345678\",\"body\":\"x\"}"),
                403, "scope 'send'");
        assertProblem(reader.put("/api/v1/adoption", "{\"policy\":\"refuse\"}"), 403, "scope 'manage'");
        assertProblem(reader.get("/api/v1/organizations/" + id + "/api-keys"), 403);

        HttpResponse<String> listed = admin.get("/api/v1/api-keys");
        assertThat(listed.body()).contains("\"prefix\":\"dt_", "\"scopes\":[\"read\"]", "\"lastUsedAt\":\"")
                .doesNotContain("\"key\":");
        String readerId = group(Pattern.compile("\"id\":(\\d+),\"name\":\"reader\""), listed.body());
        assertThat(admin.delete("/api/v1/api-keys/" + readerId).statusCode()).isEqualTo(204);
        assertThat(reader.get("/api/v1/organizations/" + id).statusCode()).isEqualTo(401);
    }

    @Test
    void a_disabled_organization_sends_nothing_but_its_callbacks_are_recorded_and_its_history_stays_readable() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        String token = "token-" + account.value().substring(30);
        OrganizationId org = fixture.organizationOf(account, token);
        Message message = fixture.acceptedMessage(org);
        ApiClient service = new ApiClient(port, issueKey(platform(), org.toString(), "{\"name\":\"service\"}"));
        String waiting = "/api/v1/messages/" + group(ORG_ID, service.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"+31612345678\",\"body\":\"before\"}").body());
        assertThat(service.get(waiting).body()).contains("\"status\":\"pending\"").doesNotContain("heldBecause");

        HttpResponse<String> disabled = platform().post("/api/v1/organizations/" + org + "/disable", "");
        assertThat(disabled.body()).contains("\"enabled\":false");
        assertThat(service.get(waiting).body()).as("a message accepted before says why it waits")
                .contains("\"status\":\"pending\"", "\"heldBecause\":\"organization " + org
                        + " is disabled: the message waits until it is enabled again\"");
        assertThat(service.get("/api/v1/messages/" + message.id().get()).body()).as("a sent one is not held")
                .doesNotContain("heldBecause");

        long messagesBefore = messagesOf(org);
        assertProblem(service.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"+31612345678\",\"body\":\"x\"}"),
                403, "Organization disabled", "is disabled");
        assertThat(messagesOf(org)).as("nothing stored").isEqualTo(messagesBefore);
        assertProblem(service.post("/api/v1/messages/" + message.id().get() + "/retry?force=true", ""), 409,
                "is disabled");

        Map<String, List<String>> callback = form("MessageSid", message.sid().get().value(), "MessageStatus",
                "delivered", "AccountSid", account.value(), "To", "whatsapp:+31612345678");
        CallbackClient callbacks = new CallbackClient(port);
        assertThat(callbacks.post("/twilio-status", callback,
                TwilioDocumentedSignature.sign(token, callbacks.local("/twilio-status"), callback)).statusCode())
                .isEqualTo(200);
        assertThat(service.get("/api/v1/messages/" + message.id().get()).body()).contains("\"status\":\"delivered\"");

        assertThat(platform().post("/api/v1/organizations/" + org + "/enable", "").body()).contains("\"enabled\":true");
        assertThat(service.get(waiting).body()).contains("\"status\":\"pending\"").doesNotContain("heldBecause");
        assertThat(service.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"+31612345678\",\"body\":\"x\"}")
                .statusCode()).isEqualTo(202);

        HttpResponse<String> trail = platform().get("/api/v1/organizations/" + org + "/audit");
        assertThat(trail.body()).contains("\"action\":\"organization.enabled\"", "\"action\":\"organization.disabled\"",
                "\"action\":\"api-key.issued\"", "\"actor\":\"api-key:").doesNotContain("dt_organization-admin");
        assertThat(platform().get("/api/v1/audit?limit=1000").body()).contains("\"organizationId\":\"" + org + "\"");
    }

    @Test
    void once_an_organization_has_senders_a_send_from_any_other_is_refused_naming_the_field() {
        String id = createOrganization(unique("senders"));
        ApiClient service = new ApiClient(port, issueKey(platform(), id, "{\"name\":\"service\"}"));
        ApiClient stranger = new ApiClient(port, issueKey(platform(), createOrganization(unique("stranger")),
                "{\"name\":\"stranger\"}"));
        String senders = "/api/v1/organizations/" + id + "/senders";

        assertProblem(platform().post(senders, "{\"channel\":\"sms\",\"from\":\"12\"}"), 400, "\"field\":\"from\"");
        assertProblem(platform().post(senders, "{\"channel\":\"fax\",\"from\":\"+15005550006\"}"), 400,
                "\"field\":\"channel\"");
        assertProblem(platform().post(senders, "{\"channel\":\"sms\",\"messagingServiceSid\":\"MG1\"}"), 400,
                "\"field\":\"messagingServiceSid\"");
        assertThat(platform().post(senders, "{\"channel\":\"sms\",\"from\":\"+15005550006\",\"isDefault\":true}")
                .statusCode()).isEqualTo(201);
        assertProblem(platform().post(senders, "{\"channel\":\"sms\",\"from\":\"+15005550006\"}"), 409,
                "\"field\":\"from\"");
        assertProblem(stranger.get(senders), 404);
        assertProblem(stranger.post(senders, "{\"channel\":\"sms\",\"from\":\"+15005550007\"}"), 404);

        assertProblem(service.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"+31612345678\",\"from\":\"+15005550099\",\"body\":\"x\"}"),
                422, "\"field\":\"from\"", "Sender not allowed");
        HttpResponse<String> byDefault = service.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"+31612345678\",\"body\":\"x\"}");
        assertThat(byDefault.statusCode()).isEqualTo(202);
        assertThat(byDefault.body()).contains("\"from\":\"+15005550006\"");
        assertThat(service.get(senders).body()).contains("\"from\":\"+15005550006\"", "\"isDefault\":true");
    }

    @Test
    void an_invited_operator_signs_in_sees_only_their_organization_and_a_disabled_one_cannot() {
        String id = createOrganization(unique("staffed"));
        String username = unique("ada");
        HttpResponse<String> invited = platform().post("/api/v1/organizations/" + id + "/operators",
                "{\"username\":\"" + username + "\",\"role\":\"viewer\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String password = group(Pattern.compile("\"password\":\"([^\"]+)\""), invited.body());
        assertProblem(platform().post("/api/v1/organizations/" + id + "/operators",
                "{\"username\":\"" + username + "\",\"role\":\"viewer\"}"), 409, "\"field\":\"username\"");
        assertProblem(platform().post("/api/v1/organizations/" + id + "/operators",
                "{\"username\":\"x\",\"role\":\"root\"}"), 400, "\"field\":\"role\"");

        DashboardSession browser = new DashboardSession(port);
        assertThat(browser.signIn(username, password)).contains("/dashboard");
        assertThat(browser.get("/dashboard").body()).doesNotContain(">default<");

        ApiClient stranger = new ApiClient(port, issueKey(platform(), createOrganization(unique("stranger")),
                "{\"name\":\"stranger\"}"));
        assertProblem(stranger.post("/api/v1/organizations/" + id + "/operators/" + username + "/disable", ""), 404);
        assertProblem(stranger.post("/api/v1/organizations/" + id + "/operators/" + username + "/password-reset", ""),
                404);
        assertProblem(stranger.put("/api/v1/organizations/" + id + "/operators/" + username + "/role",
                "{\"role\":\"admin\"}"), 404);
        assertProblem(platform().put("/api/v1/organizations/" + id + "/operators/" + username + "/role",
                "{\"role\":\"owner\"}"), 400, "\"field\":\"role\"");
        assertThat(platform().put("/api/v1/organizations/" + id + "/operators/" + username + "/role",
                "{\"role\":\"operator\"}").body()).contains("\"role\":\"operator\"");
        assertThat(platform().put("/api/v1/organizations/" + id + "/operators/" + username + "/role",
                "{\"role\":\"viewer\"}").body()).contains("\"role\":\"viewer\"");

        assertThat(platform().post("/api/v1/organizations/" + id + "/operators/" + username + "/disable", "").body())
                .contains("\"disabled\":true");
        assertThat(new DashboardSession(port).signIn(username, password)).endsWith("/login?error");
        assertThat(platform().get("/api/v1/organizations/" + id + "/operators").body())
                .contains("\"username\":\"" + username + "\",\"role\":\"viewer\",\"disabled\":true");

        platform().post("/api/v1/organizations/" + id + "/operators/" + username + "/enable", "");
        String reset = group(Pattern.compile("\"password\":\"([^\"]+)\""), platform().post(
                "/api/v1/organizations/" + id + "/operators/" + username + "/password-reset", "").body());
        assertThat(new DashboardSession(port).signIn(username, password)).endsWith("/login?error");
        assertThat(new DashboardSession(port).signIn(username, reset)).contains("/dashboard");
        assertThat(platform().get("/api/v1/organizations/" + id + "/audit").body())
                .contains("operator.invited", "operator.role-changed", "operator.disabled", "operator.password-reset")
                .doesNotContain(password, reset);
    }

    private long audited(String organization) {
        return jdbc.sql("select count(*) from audit_events where org_id = :org")
                .param("org", Long.parseLong(organization)).query(Long.class).single();
    }

    private long messagesOf(OrganizationId organization) {
        return jdbc.sql("select count(*) from messages where org_id = :org").param("org", organization.value())
                .query(Long.class).single();
    }
}
