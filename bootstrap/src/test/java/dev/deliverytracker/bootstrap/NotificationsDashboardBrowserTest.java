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
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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
 * The dashboard's notifications page in Debian's headless Chromium: an admin subscribes a receiver
 * (the secret shown once), sends it a test event it verifies, pauses and enables it, rotates its secret,
 * and replays the dead letters of a receiver that was down, one and then all; a viewer sees the same
 * lists without a button to change them. What the page lists is checked against SQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.retry.enabled=false",
        "tracker.alerts.enabled=false",
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=50ms",
        "tracker.notifications.allow-http-loopback=true",
        "tracker.notifications.interval=20ms",
        "tracker.notifications.first-retry-delay=100ms",
        "tracker.notifications.max-retry-delay=200ms",
        "tracker.notifications.retry-horizon=1s",
        "tracker.notifications.connect-timeout=1s",
        "tracker.notifications.answer-timeout=5s"})
@DirtiesContext
class NotificationsDashboardBrowserTest extends SimulatedServiceTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "browser-test-password";

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
    private String admin;
    private String viewer;

    @BeforeEach
    void browserAndOrganization() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the browser test: install chromium and chromium-driver");
        }
        assumeTrue(present, "no /usr/bin/chromium and /usr/bin/chromedriver: apt-get install chromium chromium-driver");
        Files.createDirectories(SCREENSHOTS);

        TrackerFixture.SimulatedOrganization organization = fixture.simulatedOrganization(simulator);
        org = organization.id();
        admin = "notify-admin-" + ThreadLocalRandom.current().nextInt(1_000_000);
        viewer = "notify-viewer-" + ThreadLocalRandom.current().nextInt(1_000_000);
        operators.define(admin, PASSWORD, OperatorRole.ADMIN, Set.of(organization.name()));
        operators.define(viewer, PASSWORD, OperatorRole.VIEWER, Set.of(organization.name()));
        api = new ApiClient(port, apiKeys.issue(org, "notifications browser test").secret());
        simulator.behaviour(simulator.behaviour().withoutRules().withDefaultOutcome(Outcome.delivered()));

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
    void an_admin_subscribes_tests_pauses_rotates_and_replays_dead_letters_and_a_viewer_only_looks() throws Exception {
        try (NotificationReceiver good = new NotificationReceiver(NotificationReceiver.Mode.TAKE);
                NotificationReceiver down = new NotificationReceiver(NotificationReceiver.Mode.FAIL)) {
            signIn(admin);
            open("/dashboard/notifications?org=" + org);
            assertThat(browser.findElements(By.id("no-subscriptions"))).hasSize(1);

            String goodId = subscribe(good.url(), "every_status");
            String firstSecret = text("secret");
            assertThat(firstSecret).startsWith("whsec_");
            good.secret(firstSecret);
            open("/dashboard/notifications?org=" + org);
            assertThat(browser.findElements(By.id("secret"))).as("the secret is shown once").isEmpty();

            row(goodId).findElement(By.className("test")).click();
            wait.until(page -> !page.findElements(By.id("notice")).isEmpty());
            assertThat(text("notice")).contains("answered 204");
            assertThat(good.types).containsExactly("message.test");
            assertThat(good.badSignatures).hasValue(0);

            row(goodId).findElement(By.className("pause")).click();
            wait.until(page -> row(goodId).findElement(By.className("state")).getText().startsWith("paused"));
            assertThat(enabled(goodId)).isFalse();
            row(goodId).findElement(By.className("enable")).click();
            wait.until(page -> row(goodId).findElement(By.className("state")).getText().equals("enabled"));
            assertThat(enabled(goodId)).isTrue();

            row(goodId).findElement(By.className("rotate")).click();
            wait.until(page -> !page.findElements(By.id("secret")).isEmpty());
            assertThat(text("secret")).startsWith("whsec_").isNotEqualTo(firstSecret);
            // The receiver still holds the first secret: during the overlap both sign.
            row(goodId).findElement(By.className("test")).click();
            wait.until(page -> text("notice").contains("answered 204"));
            assertThat(good.badSignatures).hasValue(0);

            String downId = subscribe(down.url(), "every_status");
            down.secret(text("secret"));
            for (int i = 0; i < 3; i++) {
                send("+3165" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)));
            }
            wait.withTimeout(Duration.ofSeconds(60)).until(page -> jdbc.sql(
                    "select count(*) from messages where org_id = :org and status = 'delivered'")
                    .param("org", org.value()).query(Long.class).single() == 3);
            long expected = jdbc.sql("select sum(notification_sequence) from messages where org_id = :org")
                    .param("org", org.value()).query(Long.class).single();
            wait.withTimeout(Duration.ofSeconds(60)).until(page -> {
                open("/dashboard/notifications?org=" + org);
                return deadLetters() == expected;
            });
            assertThat(deadLetters()).isEqualTo(sql("state = 'dead' and subscription_id = " + downId));
            assertThat(browser.findElement(By.id("dead-letters")).getText()).contains("answered 500")
                    .contains(down.url());
            screenshot("notifications");

            down.mode(NotificationReceiver.Mode.TAKE);
            browser.findElements(By.cssSelector("#dead-letters .replay")).get(0).click();
            wait.until(page -> text("notice").contains("replayed"));
            wait.withTimeout(Duration.ofSeconds(30)).until(page -> down.events.size() == 1);
            browser.findElement(By.id("replay-all")).click();
            wait.until(page -> text("notice").contains((expected - 1) + " dead letters replayed"));
            wait.withTimeout(Duration.ofSeconds(30)).until(page -> down.events.size() == expected);
            assertThat(down.badSignatures).hasValue(0);
            open("/dashboard/notifications?org=" + org);
            assertThat(browser.findElements(By.id("no-dead-letters"))).hasSize(1);

            browser.findElement(By.id("sign-out")).click();
            signIn(viewer);
            open("/dashboard/notifications?org=" + org);
            assertThat(browser.findElements(By.cssSelector("#subscriptions tbody tr"))).hasSize(2);
            assertThat(browser.findElements(By.cssSelector("#subscriptions button"))).isEmpty();
            assertThat(browser.findElements(By.id("new-subscription"))).isEmpty();
        }
    }

    private String subscribe(String url, String scope) {
        browser.findElement(By.id("new-url")).sendKeys(url);
        new Select(browser.findElement(By.id("new-scope"))).selectByValue(scope);
        browser.findElement(By.id("create-subscription")).click();
        wait.until(page -> !page.findElements(By.id("secret")).isEmpty());
        String notice = text("notice");
        assertThat(notice).startsWith("Subscription ");
        return notice.substring("Subscription ".length(), notice.indexOf(' ', "Subscription ".length()));
    }

    private void signIn(String username) {
        open("/dashboard");
        wait.until(page -> page.getCurrentUrl().endsWith("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait.until(page -> page.getCurrentUrl().contains("/dashboard"));
    }

    private org.openqa.selenium.WebElement row(String subscription) {
        return browser.findElement(By.id("subscription-" + subscription));
    }

    private boolean enabled(String subscription) {
        return jdbc.sql("select enabled from notification_subscriptions where subscription_id = :id")
                .param("id", Long.parseLong(subscription)).query(Boolean.class).single();
    }

    private long deadLetters() {
        return browser.findElements(By.cssSelector("#dead-letters tbody tr")).size();
    }

    private long sql(String condition) {
        return jdbc.sql("select count(*) from notification_deliveries where org_id = :org and " + condition)
                .param("org", org.value()).query(Long.class).single();
    }

    private void send(String to) {
        HttpResponse<String> response = api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + to + "\",\"body\":\"Notifications browser test\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
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
