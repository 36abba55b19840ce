package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Through the running service and the simulator playing Twilio: a platform administrator creates two
 * organizations, registers a main account for one and a subaccount of it for the other (each checked
 * with Twilio through twilio-java), issues their keys; each organization sends and its callbacks are
 * verified with its own account's token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + TwilioAccountSystemTest.PLATFORM_KEY,
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms"})
@DirtiesContext
class TwilioAccountSystemTest extends SimulatedServiceTest {

    static final String PLATFORM_KEY = "dt_twilio-account-system-test-platform";

    private ApiClient platform() {
        return new ApiClient(port, PLATFORM_KEY);
    }

    private static String group(String regex, String body) {
        Matcher matcher = Pattern.compile(regex).matcher(body);
        assertThat(matcher.find()).as("%s in %s", regex, body).isTrue();
        return matcher.group(1);
    }

    private String organization(String prefix) {
        HttpResponse<String> created = platform().post("/api/v1/organizations",
                "{\"name\":\"" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return group("\"id\":\"(\\d+)\"", created.body());
    }

    private ApiClient keyOf(String organization) {
        HttpResponse<String> issued = platform().post("/api/v1/organizations/" + organization + "/api-keys",
                "{\"name\":\"service\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return new ApiClient(port, group("\"key\":\"([^\"]+)\"", issued.body()));
    }

    private HttpResponse<String> register(ApiClient as, String organization, String sid, String token) {
        return as.post("/api/v1/organizations/" + organization + "/twilio-accounts",
                "{\"accountSid\":\"" + sid + "\",\"authToken\":\"" + token + "\"}");
    }

    @Test
    void two_organizations_with_a_main_account_and_a_subaccount_each_send_and_receive_their_callbacks() {
        String main = DeliveryStoreContract.randomAccount().value();
        String sub = DeliveryStoreContract.randomAccount().value();
        simulator.registerAccount(main, "main-token-" + main.substring(26));
        simulator.registerSubaccount(main, sub, "sub-token-" + sub.substring(26));
        String brand = organization("brand");
        String customer = organization("customer");

        HttpResponse<String> wrong = register(platform(), brand, main, "not-the-token");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(422);
        assertThat(wrong.body()).contains("\"field\":\"authToken\"", "20003").doesNotContain("not-the-token");
        HttpResponse<String> malformed = register(platform(), brand, "AC123", "x");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"field\":\"accountSid\"");
        HttpResponse<String> taken = register(platform(), brand, simulator.accountSid(), simulator.authToken());
        assertThat(taken.statusCode()).as("the account of 'default'").isEqualTo(409);
        assertThat(taken.body()).contains("\"field\":\"accountSid\"");

        assertThat(register(platform(), brand, main, "main-token-" + main.substring(26)).statusCode()).isEqualTo(201);
        HttpResponse<String> subaccount = register(platform(), customer, sub, "sub-token-" + sub.substring(26));
        assertThat(subaccount.statusCode()).as(subaccount.body()).isEqualTo(201);
        assertThat(subaccount.body()).contains("\"parentAccountSid\":\"" + main + "\"")
                .doesNotContain("sub-token");
        assertThat(register(platform(), customer, main, "main-token-" + main.substring(26)).statusCode())
                .as("an account belongs to one organization only").isEqualTo(409);

        ApiClient brandService = keyOf(brand);
        ApiClient customerService = keyOf(customer);
        assertThat(brandService.get("/api/v1/organizations/" + brand + "/twilio-accounts").body())
                .contains(main).doesNotContain(sub, "token");
        assertThat(customerService.get("/api/v1/organizations/" + brand + "/twilio-accounts").statusCode())
                .isEqualTo(404);

        String brandMessage = send(brandService);
        String customerMessage = send(customerService);
        awaitDelivered(brandService, brandMessage);
        awaitDelivered(customerService, customerMessage);
        assertThat(customerService.get("/api/v1/messages/" + brandMessage).statusCode()).isEqualTo(404);

        assertThat(platform().get("/api/v1/organizations/" + customer + "/audit").body())
                .contains("\"action\":\"twilio-account.registered\"", "\"parentAccountSid\":\"" + main + "\"")
                .doesNotContain("sub-token");
    }

    @Test
    void a_rotation_is_started_with_a_token_twilio_accepts_and_finished_by_the_administrator() {
        String sid = DeliveryStoreContract.randomAccount().value();
        simulator.registerAccount(sid, "old-token-" + sid.substring(26));
        String organization = organization("rotating");
        assertThat(register(platform(), organization, sid, "old-token-" + sid.substring(26)).statusCode())
                .isEqualTo(201);
        simulator.registerAccount(sid, "new-token-" + sid.substring(26));
        String rotation = "/api/v1/organizations/" + organization + "/twilio-accounts/" + sid + "/rotation";

        assertThat(platform().post(rotation, "{\"authToken\":\"old-token-" + sid.substring(26) + "\"}").statusCode())
                .as("Twilio no longer takes the old token").isEqualTo(422);
        HttpResponse<String> started = platform().post(rotation, "{\"authToken\":\"new-token-" + sid.substring(26) + "\"}");
        assertThat(started.body()).contains("\"rotating\":true");
        HttpResponse<String> finished = platform().delete(rotation);
        assertThat(finished.body()).contains("\"rotating\":false");
        assertThat(platform().delete(rotation).statusCode()).isEqualTo(409);
    }

    private static String send(ApiClient service) {
        HttpResponse<String> sent = service.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"+31612345678\",\"from\":\"+15005550006\",\"body\":\"Hello\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        return group("\"id\":\"(\\d+)\"", sent.body());
    }

    private static void awaitDelivered(ApiClient service, String id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(service.get("/api/v1/messages/" + id).body()).contains("\"status\":\"delivered\""));
    }
}
