package dev.deliverytracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small pieces on their own: signer, overrides, outcomes, settings, seeding. */
class SimulatorPartsTest {

    @Test
    void the_signer_matches_twilios_published_test_vector() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Digits", "1234");
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("To", "+18005551212");
        params.put("Caller", "+14158675309");
        params.put("From", "+14158675309");

        assertThat(WebhookSigner.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
                .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(WebhookSigner.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2#rc=3", params))
                .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(WebhookSigner.sign("54321", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
                .isNotEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void without_a_fragment_twilio_retries_once_on_connection_failure_only() {
        ConnectionOverrides defaults = ConnectionOverrides.fromUrl("https://example.test/s?a=1");

        assertThat(defaults.retryCount()).isEqualTo(1);
        assertThat(defaults.retryOn()).containsExactly(ConnectionOverrides.Failure.CONNECT);
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.totalTime()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void fragment_overrides_are_read_and_clamped_to_twilios_ranges() {
        ConnectionOverrides overrides = ConnectionOverrides.fromUrl("https://example.test/s#rc=9&rp=5xx,rt&ct=50&rt=99999&tt=3000");

        assertThat(overrides.retryCount()).isEqualTo(5);
        assertThat(overrides.retryOn()).containsExactlyInAnyOrder(ConnectionOverrides.Failure.SERVER_ERROR, ConnectionOverrides.Failure.READ_TIMEOUT);
        assertThat(overrides.connectTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(overrides.readTimeout()).isEqualTo(Duration.ofMillis(15000));
        assertThat(overrides.totalTime()).isEqualTo(Duration.ofMillis(3000));
        assertThat(ConnectionOverrides.fromUrl("https://e.test/#rp=all").retryOn()).hasSize(4);
    }

    @Test
    void outcomes_read_and_write_their_short_form() {
        assertThat(Outcome.parse("failed:30007")).isEqualTo(Outcome.failed(30007));
        assertThat(Outcome.parse("Undelivered(30003)")).isEqualTo(Outcome.undelivered(30003));
        assertThat(Outcome.parse("no-callbacks")).isEqualTo(Outcome.noCallbacks());
        assertThat(Outcome.rejectOnCreate(21610).notation()).isEqualTo("reject:21610");
        assertThatThrownBy(() -> Outcome.parse("failed")).hasMessageContaining("needs an error code");
        assertThatThrownBy(() -> Outcome.parse("delivered:30003")).hasMessageContaining("takes no error code");
        assertThatThrownBy(() -> Outcome.parse("lost")).hasMessageContaining("unknown outcome");
        assertThatThrownBy(() -> new OutcomeRule("(", Outcome.read())).hasMessageContaining("regular expression");
    }

    @Test
    void settings_come_from_named_values_and_bad_ones_say_which() {
        SimulatorSettings settings = SimulatorSettings.fromMap(Map.of("port", "0", "seed", "99", "default-outcome", "failed:30007",
                "min-delay-ms", "5", "max-delay-ms", "10", "early-callback", "true"));

        assertThat(settings.port()).isZero();
        assertThat(settings.seed()).isEqualTo(99L);
        assertThat(settings.behaviour().defaultOutcome()).isEqualTo(Outcome.failed(30007));
        assertThat(settings.behaviour().minDelayMs()).isEqualTo(5);
        assertThat(settings.behaviour().earlyCallback()).isTrue();
        assertThat(SimulatorSettings.fromMap(Map.of()).port()).isEqualTo(SimulatorSettings.DEFAULT_STANDALONE_PORT);
        assertThatThrownBy(() -> SimulatorSettings.fromMap(Map.of("port", "eighty"))).hasMessageContaining("port");
        assertThatThrownBy(() -> SimulatorSettings.fromMap(Map.of("account-sid", "AC123"))).hasMessageContaining("account SID");
        assertThatThrownBy(() -> SimulatorSettings.fromMap(Map.of("min-delay-ms", "10", "max-delay-ms", "5"))).hasMessageContaining("minDelayMs");
        assertThatThrownBy(() -> SimulatorSettings.fromMap(Map.of("duplicate-rate", "1.5"))).hasMessageContaining("duplicateRate");
    }

    @Test
    void sids_differ_across_runs_even_with_the_same_seed() {
        // A service restarted on the embedded simulator keeps the SIDs it stored; reusing them would collide.
        try (TwilioSimulator one = TwilioSimulator.start(); TwilioSimulator two = TwilioSimulator.start()) {
            String first = new TwilioHttp(one).create("To", "+4915112345678", "From", "+15005550006", "Body", "x").json().get("sid").asText();
            String second = new TwilioHttp(two).create("To", "+4915112345678", "From", "+15005550006", "Body", "x").json().get("sid").asText();
            assertThat(first).isNotEqualTo(second).matches("SM[0-9a-f]{32}");
        }
    }

    @Test
    void phone_numbers_are_masked_down_to_their_last_four_digits() {
        assertThat(PhoneMask.mask("+4915112345678")).isEqualTo("**********5678");
        assertThat(PhoneMask.mask("whatsapp:+4915112345678")).isEqualTo("whatsapp:**********5678");
    }
}
