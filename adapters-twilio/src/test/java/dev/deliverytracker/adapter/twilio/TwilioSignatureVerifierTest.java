package dev.deliverytracker.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Uses the test vector from Twilio's documentation, not a signature we computed ourselves. */
class TwilioSignatureVerifierTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private final TwilioSignatureVerifier verifier = new TwilioSignatureVerifier();

    @Test
    void twilios_documented_example_verifies() {
        assertThat(verifier.isSignedBy(List.of("12345"), URL, documentedParams(), SIGNATURE)).isTrue();
    }

    @Test
    void a_wrong_token_fails() {
        assertThat(verifier.isSignedBy(List.of("54321"), URL, documentedParams(), SIGNATURE)).isFalse();
    }

    @Test
    void during_a_rotation_the_previous_token_still_verifies() {
        assertThat(verifier.isSignedBy(List.of("new-token", "12345"), URL, documentedParams(), SIGNATURE)).isTrue();
    }

    @Test
    void a_changed_parameter_fails() {
        Map<String, List<String>> params = documentedParams();
        params.put("Digits", List.of("1235"));
        assertThat(verifier.isSignedBy(List.of("12345"), URL, params, SIGNATURE)).isFalse();
    }

    @Test
    void another_url_fails() {
        assertThat(verifier.isSignedBy(List.of("12345"), "https://mycompany.com/myapp.php?foo=1&bar=3",
                documentedParams(), SIGNATURE)).isFalse();
    }

    @Test
    void the_default_port_written_out_by_a_proxy_still_verifies() {
        assertThat(verifier.isSignedBy(List.of("12345"), "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                documentedParams(), SIGNATURE)).isTrue();
    }

    @Test
    void the_connection_override_fragment_is_not_part_of_the_signed_url() {
        assertThat(verifier.isSignedBy(List.of("12345"), URL + "#rc=3&rp=5xx", documentedParams(), SIGNATURE))
                .isTrue();
    }

    @Test
    void the_one_hmac_check_of_the_exact_url_agrees_with_the_documented_example() {
        Map<String, String> form = new LinkedHashMap<>();
        documentedParams().forEach((name, values) -> form.put(name, values.get(0)));

        assertThat(TwilioSignatureVerifier.signsExactly("12345", URL, form, SIGNATURE)).isTrue();
        assertThat(TwilioSignatureVerifier.signsExactly("54321", URL, form, SIGNATURE)).isFalse();
        assertThat(TwilioSignatureVerifier.signsExactly("12345", "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                form, SIGNATURE)).as("other URL variants are the validator's to try").isFalse();
    }

    private static Map<String, List<String>> documentedParams() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("Digits", List.of("1234"));
        params.put("CallSid", List.of("CA1234567890ABCDE"));
        params.put("To", List.of("+18005551212"));
        params.put("Caller", List.of("+14158675309"));
        params.put("From", List.of("+14158675309"));
        return params;
    }
}
