package dev.deliverytracker.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Uses the JSON-body test vector Twilio's helper libraries check their validators with, not our own. */
class TwilioBodySignatureVerifierTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private final TwilioBodySignatureVerifier verifier = new TwilioBodySignatureVerifier();

    /** The JSON-body vector Twilio's helper libraries test their validators with (token 12345). */
    private static final String JSON_BODY = "{\"property\": \"value\", \"boolean\": true}";
    private static final String JSON_URL = URL
            + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    private static final String JSON_SIGNATURE = "a9nBmqA0ju/hNViExpshrM61xv4=";

    @Test
    void twilios_json_body_example_verifies_the_url_with_bodySHA256_and_the_body() {
        assertThat(verifier.isSignedBy(List.of("54321", "12345"), JSON_URL, JSON_BODY, JSON_SIGNATURE)).isTrue();
    }

    @Test
    void a_body_that_does_not_hash_to_bodySHA256_fails_though_the_url_is_signed() {
        assertThat(verifier.isSignedBy(List.of("12345"), JSON_URL, JSON_BODY.replace("true", "false"), JSON_SIGNATURE))
                .isFalse();
    }

    @Test
    void a_json_body_signed_with_another_token_or_without_bodySHA256_fails() {
        assertThat(verifier.isSignedBy(List.of("54321"), JSON_URL, JSON_BODY, JSON_SIGNATURE)).isFalse();
        assertThat(verifier.isSignedBy(List.of("12345"), URL, JSON_BODY, JSON_SIGNATURE)).isFalse();
        assertThat(verifier.isSignedBy(List.of("12345"), "not a url at all ^", JSON_BODY, JSON_SIGNATURE)).isFalse();
    }

    @Test
    void the_fragment_is_not_part_of_the_signed_url() {
        assertThat(verifier.isSignedBy(List.of("12345"), JSON_URL + "#ignored", JSON_BODY, JSON_SIGNATURE)).isTrue();
    }
}
