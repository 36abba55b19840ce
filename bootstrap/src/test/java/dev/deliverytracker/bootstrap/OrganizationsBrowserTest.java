package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.simulator.Outcome;
import dev.deliverytracker.simulator.SimulatedMessage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue #20's "done when", in headless Chromium through the running service: a platform administrator
 * creates two organizations, registers a Twilio account for each (the second a subaccount of the
 * first's, both checked against the simulator's Accounts resource), adds senders, issues keys and
 * invites an operator; each organization sends and its callbacks are recorded; the operator sees only
 * their organization; disabling one refuses its sends and still records its callbacks; the audit trail
 * shows each step. Screenshots land in target/screenshots (those in docs/screenshots are copies).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.retry.enabled=false",
        "tracker.alerts.enabled=false",
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=200ms",
        "tracker.simulator.max-delay=600ms"})
@DirtiesContext
class OrganizationsBrowserTest extends SimulatedServiceTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "platform-admin-password";
    private static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");

    @Autowired
    ManageOperators operators;

    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;
    private WebDriverWait wait;
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    private final String prefix = "+3165" + run.substring(0, 4);

    @BeforeEach
    void browser() throws IOException {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
        simulator.behaviour(simulator.behaviour().withoutRules().withDefaultOutcome(Outcome.delivered())
                .withRule("^\\" + prefix + "7", Outcome.sentOnly()));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_platform_administrator_sets_up_two_organizations_and_each_keeps_to_itself() throws Exception {
        String root = "root-" + run;
        operators.define(root, PASSWORD, OperatorRole.ADMIN, Set.of("default"), true);
        signIn(root, PASSWORD);

        String brandA = "Brand A " + run;
        String brandB = "Brand B " + run;
        String a = create(brandA);
        String b = create(brandB);
        open("/dashboard/organizations");
        assertThat(browser.findElement(By.id("organization-table")).getText()).contains(brandA).contains(brandB);
        screenshot("organizations");

        // A main account for A, and a subaccount of it for B: the tracker asks Twilio (the simulator's
        // Accounts resource) with each SID and token before it stores anything.
        String mainSid = DeliveryStoreContract.randomAccount().value();
        String mainToken = "token-a-" + run;
        simulator.registerAccount(mainSid, mainToken);
        String subSid = DeliveryStoreContract.randomAccount().value();
        String subToken = "token-b-" + run;
        simulator.registerSubaccount(mainSid, subSid, subToken);

        openOrganization(a);
        registerAccount(mainSid, "not-the-token");
        assertThat(text("problem-account")).startsWith("authToken: ");
        registerAccount(mainSid, mainToken);
        assertThat(text("notice")).isEqualTo("Twilio accepted the token: account " + mainSid + " registered.");
        addSender("+15005550006");
        String keyA = issueKey("orders " + run);
        String operatorPassword = invite("ada-" + run);
        screenshot("organization-operator-invited");
        showSection("operators");
        screenshot("organization-operators");

        openOrganization(b);
        registerAccount(subSid, subToken);
        assertThat(text("notice")).isEqualTo("Twilio accepted the token: account " + subSid
                + " registered, a subaccount of " + mainSid + ".");
        addSender("+15005550007");
        String keyB = issueKey("billing " + run);
        screenshot("organization-key-issued");

        // Each organization sends through its own account and from its own sender; callbacks signed with
        // each account's token are verified and recorded.
        ApiClient apiA = new ApiClient(port, keyA);
        ApiClient apiB = new ApiClient(port, keyB);
        String sentByA = send(apiA, prefix + "100");
        String sentByB = send(apiB, prefix + "200");
        waitForStatus(sentByA, "delivered");
        waitForStatus(sentByB, "delivered");
        assertThat(simulator.messages()).filteredOn(message -> message.to().equals(prefix + "100"))
                .singleElement().satisfies(message -> {
                    assertThat(message.accountSid()).isEqualTo(mainSid);
                    assertThat(message.from()).isEqualTo("+15005550006");
                });
        assertThat(simulator.messages()).filteredOn(message -> message.to().equals(prefix + "200"))
                .singleElement().satisfies(message -> {
                    assertThat(message.accountSid()).isEqualTo(subSid);
                    assertThat(message.from()).isEqualTo("+15005550007");
                });
        assertThat(apiB.get("/api/v1/messages/" + sentByA).statusCode()).as("A's message, B's key").isEqualTo(404);

        // The invited operator signs in and sees their organization only.
        signOut();
        signIn("ada-" + run, operatorPassword);
        List<WebElement> choices = new Select(browser.findElement(By.id("org"))).getOptions();
        assertThat(choices).extracting(WebElement::getText).containsExactly(brandA);
        open("/dashboard/messages?org=" + a);
        wait.until(page -> page.findElements(By.id("message-" + sentByA)).size() == 1);
        assertThat(text("who")).isEqualTo("ada-" + run);
        screenshot("operator-sees-own-organization");
        open("/dashboard/organization?org=" + b);
        assertThat(text("error-message")).isEqualTo("No organization " + b + " that you can see.");
        open("/dashboard/messages/" + sentByB);
        assertThat(text("error-message")).contains("No message " + sentByB);

        // Disabled: B's sends are refused with a problem that says so; a message it sent before still
        // has its callbacks verified and recorded.
        signOut();
        signIn(root, PASSWORD);
        String inFlight = send(apiB, prefix + "700");
        waitForStatus(inFlight, "sent");
        openOrganization(b);
        browser.findElement(By.id("disable-organization")).click();
        wait.until(page -> page.findElements(By.id("disabled-note")).size() == 1);
        assertThat(text("organization-state")).isEqualTo("disabled");
        screenshot("organization-disabled");
        HttpResponse<String> refused = apiB.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + prefix + "201\",\"body\":\"after disabling\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("is disabled");
        assertThat(deliveredLater(inFlight, subSid, subToken).statusCode()).isEqualTo(200);
        waitForStatus(inFlight, "delivered");

        // The audit trail of each organization shows every step, who took it, and no secret.
        openOrganization(b);
        assertThat(auditActions()).containsSubsequence("organization.disabled", "api-key.issued", "sender.added",
                "twilio-account.registered", "organization.created");
        assertThat(browser.findElement(By.id("audit-table")).getText()).contains("operator:" + root)
                .doesNotContain(subToken).doesNotContain(keyB);
        showSection("audit");
        screenshot("organization-audit-trail");
        openOrganization(a);
        assertThat(auditActions()).containsSubsequence("operator.invited", "api-key.issued", "sender.added",
                "twilio-account.registered", "organization.created");
        assertThat(browser.findElement(By.id("audit-table")).getText()).doesNotContain(mainToken)
                .doesNotContain(keyA).doesNotContain(operatorPassword);
    }

    private String create(String name) {
        open("/dashboard/organizations");
        browser.findElement(By.id("organization-name")).sendKeys(name);
        browser.findElement(By.id("create")).click();
        wait.until(page -> page.getCurrentUrl().contains("/dashboard/organization?org="));
        assertThat(text("notice")).isEqualTo("Organization '" + name + "' created.");
        return browser.getCurrentUrl().replaceAll(".*org=", "");
    }

    private void registerAccount(String sid, String token) {
        fill("account-sid", sid);
        fill("account-token", token);
        browser.findElement(By.id("register-account")).click();
        wait.until(page -> !page.findElements(By.id("notice")).isEmpty()
                || !page.findElements(By.id("problem-account")).isEmpty());
    }

    private void addSender(String number) {
        fill("sender-from", number);
        browser.findElement(By.id("sender-default")).click();
        browser.findElement(By.id("add-sender")).click();
        wait.until(page -> !page.findElements(By.id("notice")).isEmpty());
        assertThat(text("notice")).isEqualTo("Sender " + number + " added on sms, the default.");
    }

    private String issueKey(String name) {
        fill("key-name", name);
        browser.findElement(By.id("issue-key")).click();
        wait.until(page -> !page.findElements(By.id("secret")).isEmpty());
        assertThat(text("notice")).startsWith("Key '" + name + "' issued");
        return text("secret");
    }

    private String invite(String username) {
        fill("operator-username", username);
        new Select(browser.findElement(By.id("operator-role"))).selectByValue("operator");
        browser.findElement(By.id("invite-operator")).click();
        wait.until(page -> !page.findElements(By.id("secret")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#operator-" + username + " .member-role")).getText())
                .isEqualTo("operator");
        return text("secret");
    }

    private String send(ApiClient api, String to) {
        HttpResponse<String> response = api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + to + "\",\"body\":\"Organizations test\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Matcher id = ID.matcher(response.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private void waitForStatus(String messageId, String status) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ignored -> status.equals(jdbc.sql(
                "select status from messages where message_id = :id").param("id", Long.parseLong(messageId))
                .query(String.class).single()));
    }

    /** The callback Twilio sends once the message is delivered, to the address the tracker gave it. */
    private HttpResponse<String> deliveredLater(String messageId, String accountSid, String token) {
        String sid = jdbc.sql("select whatsapp_msg_sid from messages where message_id = :id")
                .param("id", Long.parseLong(messageId)).query(String.class).single();
        SimulatedMessage sent = simulator.message(sid).orElseThrow();
        URI callback = URI.create(sent.statusCallback());
        String path = callback.getRawPath() + "?" + callback.getRawQuery();
        CallbackClient client = new CallbackClient(port);
        Map<String, List<String>> form = CallbackClient.form("MessageSid", sid, "SmsSid", sid, "MessageStatus",
                "delivered", "SmsStatus", "delivered", "AccountSid", accountSid, "From", sent.from(), "To", sent.to(),
                "ApiVersion", "2010-04-01");
        return client.post(path, form, TwilioDocumentedSignature.sign(token, client.local(path), form));
    }

    private List<String> auditActions() {
        return browser.findElements(By.cssSelector("#audit-table .audit-action")).stream().map(WebElement::getText)
                .toList();
    }

    private void signIn(String username, String password) {
        open("/login");
        fill("username", username);
        fill("password", password);
        browser.findElement(By.id("sign-in")).click();
        wait.until(page -> page.getCurrentUrl().contains("/dashboard"));
    }

    private void signOut() {
        open("/dashboard");
        browser.findElement(By.id("sign-out")).click();
        wait.until(page -> page.getCurrentUrl().contains("/login"));
    }

    private void openOrganization(String id) {
        open("/dashboard/organization?org=" + id);
        wait.until(page -> page.findElements(By.id("organization-name")).size() == 1);
    }

    private void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Scrolls a section of the page to the top of the window, for its screenshot. */
    private void showSection(String id) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id(id)));
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
