package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.simulator.Outcome;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven by Selenium through Debian's
 * chromedriver. An operator signs in, watches messages sent through the simulator turn delivered and
 * undelivered without reloading, filters, opens a timeline, reads the failures and the overview, and
 * every number on the pages equals a count in SQL. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.retry.enabled=false",
        "tracker.alerts.enabled=false",
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=200ms",
        "tracker.simulator.max-delay=600ms"})
@DirtiesContext
class DashboardBrowserTest extends SimulatedServiceTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "browser-test-password";
    private static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");

    @Autowired
    TrackerFixture fixture;

    @Autowired
    ManageApiKeys apiKeys;

    @Autowired
    ManageOperators operators;

    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;
    private WebDriverWait wait;
    private OrganizationId org;
    private ApiClient api;
    private String operator;
    private final String prefix = "+3164" + (1000 + ThreadLocalRandom.current().nextInt(8999));

    @BeforeEach
    void browserAndOrganization() throws IOException {
        // CI installs Chromium (.ci/run); a newcomer's machine without it skips this one test, loudly.
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the browser test: install chromium and chromium-driver");
        }
        assumeTrue(present, "no /usr/bin/chromium and /usr/bin/chromedriver: apt-get install chromium chromium-driver");
        Files.createDirectories(SCREENSHOTS);

        TrackerFixture.SimulatedOrganization organization = fixture.simulatedOrganization(simulator);
        org = organization.id();
        operator = "browser-" + ThreadLocalRandom.current().nextInt(1_000_000);
        operators.define(operator, PASSWORD, OperatorRole.ADMIN, Set.of(organization.name()));
        api = new ApiClient(port, apiKeys.issue(org, "browser test").secret());
        simulator.behaviour(simulator.behaviour().withoutRules().withDefaultOutcome(Outcome.delivered())
                .withRule("^\\" + prefix + "9", Outcome.undelivered(30003)));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_operator_signs_in_watches_messages_arrive_filters_and_opens_a_timeline() throws Exception {
        open("/dashboard");
        wait.until(page -> page.getCurrentUrl().endsWith("/login"));
        screenshot("login");
        browser.findElement(By.id("username")).sendKeys(operator);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait.until(page -> page.getCurrentUrl().contains("/dashboard"));

        open("/dashboard/messages?org=" + org);
        List<String> delivered = new ArrayList<>();
        List<String> undelivered = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            delivered.add(send(prefix + "00000" + i));
        }
        for (int i = 0; i < 2; i++) {
            undelivered.add(send(prefix + "90000" + i));
        }
        // The page is not reloaded: htmx polling brings the new rows and their final statuses.
        wait.until(page -> badges(page, "status-delivered") == 4 && badges(page, "status-failed") == 2);
        screenshot("messages");
        assertThat(browser.findElement(By.id("message-" + delivered.get(0))).getText())
                .contains("+31").doesNotContain(prefix + "000000");

        new Select(browser.findElement(By.id("filter-status"))).selectByValue("undelivered");
        browser.findElement(By.id("apply-filters")).click();
        wait.until(page -> page.getCurrentUrl().contains("status=undelivered"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#message-table tbody tr"));
        assertThat(rows).extracting(row -> row.getAttribute("id"))
                .containsExactlyInAnyOrder("message-" + undelivered.get(0), "message-" + undelivered.get(1));
        screenshot("messages-filtered");

        browser.findElement(By.cssSelector("#message-" + undelivered.get(0) + " a")).click();
        wait.until(page -> page.findElements(By.id("timeline")).size() == 1);
        assertThat(browser.findElement(By.id("message-status")).getText()).isEqualTo("undelivered");
        assertThat(browser.findElement(By.id("message-to")).getText()).isEqualTo(prefix + "900000");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("sent").contains("undelivered")
                .contains("30003 Unreachable destination handset");
        screenshot("message");

        open("/dashboard/failures?org=" + org);
        assertThat(browser.findElement(By.cssSelector("#failure-30003 .count")).getText())
                .isEqualTo(Long.toString(sql("status in ('failed', 'undelivered') and error_code = 30003")));
        screenshot("failures");

        open("/dashboard?org=" + org);
        wait.until(page -> "true".equals(page.findElement(By.id("chart")).getAttribute("data-drawn")));
        assertThat(text("total-messages")).isEqualTo(Long.toString(sql("true")));
        assertThat(text("funnel-delivered")).isEqualTo(Long.toString(sql("status in ('delivered', 'read')")));
        assertThat(text("funnel-failed")).isEqualTo(Long.toString(sql("status in ('failed', 'undelivered', 'canceled')")));
        assertThat(text("delivery-rate")).isEqualTo("66.7%");
        assertThat(browser.findElements(By.cssSelector("#senders .count")).stream()
                .mapToLong(count -> Long.parseLong(count.getText())).sum()).isEqualTo(sql("true"));
        screenshot("overview");
        new Select(browser.findElement(By.id("range"))).selectByValue("7d");
        wait.until(page -> page.getCurrentUrl().contains("range=7d"));
        assertThat(text("total-messages")).isEqualTo(Long.toString(sql("true")));

        // Last, as it changes the numbers: an admin sends a failed message again, a form post with its CSRF token.
        open("/dashboard/messages/" + undelivered.get(0));
        browser.findElement(By.id("retry")).click();
        wait.until(page -> page.findElements(By.id("notice")).size() == 1);
        assertThat(text("notice")).isEqualTo("Sent again: a new attempt waits in the outbox.");

        browser.findElement(By.id("sign-out")).click();
        wait.until(page -> page.getCurrentUrl().contains("/login"));
        open("/dashboard");
        wait.until(page -> page.getCurrentUrl().endsWith("/login"));
    }

    private long sql(String condition) {
        return jdbc.sql("select count(*) from messages where org_id = :org and " + condition)
                .param("org", org.value()).query(Long.class).single();
    }

    private String send(String to) {
        HttpResponse<String> response = api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + to + "\",\"body\":\"Browser test\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Matcher id = ID.matcher(response.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private static long badges(WebDriver page, String css) {
        return page.findElements(By.cssSelector("#message-table ." + css)).size();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
