package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.ServiceInstance.portOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.simulator.SimulatorSettings;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service over one PostgreSQL: an API key's budget is one budget, not one per
 * instance. Four requests per ten minutes, two through each instance, and the fifth is refused
 * whichever instance it reaches.
 */
class SharedSendBudgetSystemTest {

    private static final String CONFIGURED_KEY = "dt_shared-budget-test-key-000001";

    @Test
    void two_instances_grant_one_budget_between_them() {
        try (TwilioSimulator twilio = TwilioSimulator.start(SimulatorSettings.defaults());
                ConfigurableApplicationContext one = start(twilio);
                ConfigurableApplicationContext other = start(twilio)) {
            // A key of its own, so no earlier run's bucket is in the way.
            String key = one.getBean(ManageApiKeys.class).issue(
                    one.getBean(ManageApiKeys.class).identify(CONFIGURED_KEY).orElseThrow().organization(), "shared").secret();
            List<ApiClient> instances = List.of(new ApiClient(portOf(one), key), new ApiClient(portOf(other), key));

            for (int i = 0; i < 4; i++) {
                assertThat(send(instances.get(i % 2)).statusCode()).as("request %d", i).isEqualTo(202);
            }

            HttpResponse<String> refusedByOne = send(instances.get(0));
            HttpResponse<String> refusedByOther = send(instances.get(1));
            assertThat(refusedByOne.statusCode()).isEqualTo(429);
            assertThat(refusedByOther.statusCode()).isEqualTo(429);
            assertThat(refusedByOther.headers().firstValue("Retry-After")).isPresent();
            assertThat(refusedByOther.body()).contains("\"budget\":\"api-key\"");
        }
    }

    private static HttpResponse<String> send(ApiClient api) {
        return api.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"+3166" + (1_000_000
                + ThreadLocalRandom.current().nextInt(8_999_999)) + "\",\"body\":\"shared budget\"}");
    }

    private static ConfigurableApplicationContext start(TwilioSimulator twilio) {
        return ServiceInstance.start(
                "--tracker.twilio.account-sid=" + twilio.accountSid(),
                "--tracker.twilio.auth-token=" + twilio.authToken(),
                "--tracker.twilio.api-base-url=" + twilio.baseUrl(),
                "--tracker.twilio.default-from=+15005550006",
                "--tracker.api-key=" + CONFIGURED_KEY,
                "--tracker.rate-limits.per-key-requests=4",
                "--tracker.rate-limits.per-key-period=10m",
                "--tracker.dispatch.interval=50ms");
    }
}
