package dev.deliverytracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.twilio.security.RequestValidator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Twilio knows and callbacks do not say (price), and callbacks set on a Messaging Service. */
class PricingAndServiceCallbackTest {

    private static final String TO = "+4915112345678";
    private static final String SERVICE = "MG" + "a".repeat(32);

    private TwilioSimulator simulator;
    private CallbackReceiver receiver;
    private TwilioHttp http;

    @BeforeEach
    void start() {
        simulator = TwilioSimulator.start();
        simulator.behaviour(simulator.behaviour().withDelays(0, 20).withPriceDelay(300));
        receiver = new CallbackReceiver();
        http = new TwilioHttp(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.close();
    }

    @Test
    void an_sms_is_priced_per_segment_as_a_negative_decimal_only_a_while_after_it_is_final() {
        String longText = "x".repeat(200);
        String sid = http.create("To", TO, "From", "+15005550006", "Body", longText).json().get("sid").asText();
        assertThat(simulator.message(sid).orElseThrow().price()).isEmpty();

        await().atMost(Duration.ofSeconds(10)).until(() -> !simulator.message(sid).orElseThrow().price().isEmpty());

        SimulatedMessage priced = simulator.message(sid).orElseThrow();
        assertThat(priced.status()).isEqualTo("delivered");
        assertThat(priced.numSegments()).isEqualTo(2);
        assertThat(priced.price()).isEqualTo("-0.01580");
        assertThat(MessageJson.of(priced)).containsEntry("price", "-0.01580").containsEntry("price_unit", "USD")
                .containsEntry("num_segments", "2");
    }

    @Test
    void a_whatsapp_message_costs_per_message_and_a_failed_one_costs_nothing() {
        simulator.behaviour(simulator.behaviour().withRule("^\\+4915100000000$", Outcome.parse("failed:30008")));
        String whatsapp = http.create("To", "whatsapp:" + TO, "From", "whatsapp:+14155238886", "Body", "hi").json()
                .get("sid").asText();
        String failed = http.create("To", "+4915100000000", "From", "+15005550006", "Body", "hi").json()
                .get("sid").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> !simulator.message(whatsapp).orElseThrow().price().isEmpty()
                && !simulator.message(failed).orElseThrow().price().isEmpty());

        assertThat(simulator.message(whatsapp).orElseThrow().price()).isEqualTo("-0.00500");
        assertThat(simulator.message(failed).orElseThrow().price()).isEqualTo("0.00000");
    }

    @Test
    void a_message_through_a_service_without_its_own_callback_reports_to_the_services_url_signed() {
        simulator.serviceStatusCallback(SERVICE, receiver.url("/service-status"));
        String sid = http.create("To", TO, "MessagingServiceSid", SERVICE, "Body", "hi").json().get("sid").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.statusesFor(sid).contains("delivered"));

        RequestValidator validator = new RequestValidator(simulator.authToken());
        for (CallbackReceiver.Received callback : receiver.receivedFor(sid)) {
            assertThat(callback.params()).containsEntry("MessagingServiceSid", SERVICE);
            assertThat(validator.validate(receiver.url("/service-status"), callback.params(), callback.signature())).isTrue();
        }
    }

    @Test
    void a_messages_own_callback_wins_over_its_services() {
        simulator.serviceStatusCallback(SERVICE, receiver.url("/service-status"));
        String sid = http.create("To", TO, "MessagingServiceSid", SERVICE, "Body", "hi",
                "StatusCallback", receiver.url("/own-status")).json().get("sid").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.statusesFor(sid).contains("delivered"));

        assertThat(receiver.receivedFor(sid)).allSatisfy(callback -> assertThat(callback.path()).startsWith("/own-status"));
    }
}
