package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.ServiceInstance.portOf;
import static dev.deliverytracker.bootstrap.CallbackClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.persistence.StoredMessages;
import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.OrganizationId;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A public base URL set wrong makes the service refuse Twilio's genuine callbacks; they wait in the
 * quarantine. The operator fixes the setting (here: a second instance over the same database, started
 * with the right URL, as a restart with the fixed configuration would be) and replays them through the
 * API: each verifies now and is recorded, and leaves the quarantine.
 */
class ReplayRefusedCallbacksSystemTest {

    private static final String TWILIO_SIGNED = "https://tracker.example.com";

    private final AccountSid account = DeliveryStoreContract.randomAccount();
    private final String token = "replay-token-" + account.value().substring(26);

    @Test
    void callbacks_refused_under_a_wrong_public_base_url_are_recorded_after_the_fix_and_a_replay() {
        try (ConfigurableApplicationContext wrong = start("https://wrong.example.com")) {
            TrackerFixture fixture = wrong.getBean(TrackerFixture.class);
            OrganizationId org = fixture.organizationOf(account, token);
            OrganizationId stranger = fixture.organizationOf(DeliveryStoreContract.randomAccount(), "stranger-token");
            Message message = fixture.acceptedMessage(org);
            ManageApiKeys keys = wrong.getBean(ManageApiKeys.class);
            String key = keys.issue(org, "replay test").secret();
            CallbackClient misconfigured = new CallbackClient(portOf(wrong));

            for (String status : List.of("sent", "delivered")) {
                assertThat(postSigned(misconfigured, message, status).statusCode()).isEqualTo(403);
            }
            assertThat(quarantined(wrong)).isEqualTo(2);
            HttpResponse<String> tooEarly = new ApiClient(portOf(wrong), key).post("/api/v1/refused-callbacks/replay", "{}");
            assertThat(tooEarly.statusCode()).isEqualTo(200);
            assertThat(tooEarly.body()).isEqualTo("{\"examined\":2,\"replayed\":0,\"stillRefused\":2}");

            try (ConfigurableApplicationContext fixed = start(TWILIO_SIGNED)) {
                ApiClient api = new ApiClient(portOf(fixed), key);
                HttpResponse<String> listed = api.get("/api/v1/refused-callbacks");
                assertThat(listed.statusCode()).isEqualTo(200);
                assertThat(listed.body()).contains("\"MessageStatus\":\"sent\"").contains("\"MessageStatus\":\"delivered\"")
                        .contains("does not match https://wrong.example.com/twilio-status?mid=" + message.id().get())
                        .contains("'+31*******78'").doesNotContain("+31612345678");
                HttpResponse<String> other = new ApiClient(portOf(fixed), keys.issue(stranger, "other").secret())
                        .post("/api/v1/refused-callbacks/replay", "");
                assertThat(other.body()).as("another organization's key sees nothing")
                        .isEqualTo("{\"examined\":0,\"replayed\":0,\"stillRefused\":0}");

                HttpResponse<String> replay = api.post("/api/v1/refused-callbacks/replay", "{\"limit\":50}");

                assertThat(replay.statusCode()).isEqualTo(200);
                assertThat(replay.body()).isEqualTo("{\"examined\":2,\"replayed\":2,\"stillRefused\":0}");
                assertThat(fixed.getBean(StoredMessages.class).history(message.id().get()))
                        .extracting(DeliveryEvent::reportedStatus).containsExactly("queued", "sent", "delivered");
                assertThat(quarantined(fixed)).isZero();
                assertThat(api.get("/api/v1/messages/" + message.id().get()).body()).contains("\"status\":\"delivered\"");
            }
        }
    }

    @Test
    void a_bad_selection_gets_400_naming_the_fields() {
        try (ConfigurableApplicationContext service = start(TWILIO_SIGNED)) {
            OrganizationId org = service.getBean(TrackerFixture.class).organizationOf(account, token);
            ApiClient api = new ApiClient(portOf(service), service.getBean(ManageApiKeys.class).issue(org, "t").secret());

            HttpResponse<String> response = api.post("/api/v1/refused-callbacks/replay",
                    "{\"from\":\"yesterday\",\"limit\":5000}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"from\"").contains("\"field\":\"limit\"");
            assertThat(api.get("/api/v1/refused-callbacks?limit=0").statusCode()).isEqualTo(400);
        }
    }

    private HttpResponse<String> postSigned(CallbackClient client, Message message, String status) {
        String path = "/twilio-status?mid=" + message.id().get();
        Map<String, List<String>> form = form("MessageSid", message.sid().get().value(), "MessageStatus", status,
                "AccountSid", account.value(), "To", "+31612345678", "From", "+15005550006", "ApiVersion", "2010-04-01");
        return client.post(path, form, TwilioDocumentedSignature.sign(token, TWILIO_SIGNED + path, form));
    }

    private long quarantined(ConfigurableApplicationContext context) {
        return JdbcClient.create(context.getBean(DataSource.class))
                .sql("select count(*) from refused_callbacks where account_sid = :a").param("a", account.value())
                .query(Long.class).single();
    }

    private static ConfigurableApplicationContext start(String publicBaseUrl) {
        return ServiceInstance.start(
                "--tracker.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
                "--tracker.twilio.auth-token=configured-token",
                "--tracker.dispatch.enabled=false",
                "--tracker.webhook.public-base-url=" + publicBaseUrl);
    }
}
