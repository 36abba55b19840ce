package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.BodySignatureVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every verifier of JSON bodies promises ({@link BodySignatureVerifier}), run against
 * {@link BodyEchoSignatureVerifier} and against twilio-java's validator: the signature covers the URL,
 * whose {@code bodySHA256} must be the hex SHA-256 of the body.
 */
public abstract class BodySignatureVerifierContract {

    protected static final String BASE = "https://tracker.example.com/twilio-events";
    protected static final String BODY = "[{\"type\":\"com.twilio.messaging.message.delivered\"}]";

    protected abstract BodySignatureVerifier verifier();

    /** The signature the provider would send for a post to exactly {@code url}, signed with {@code token}. */
    protected abstract String sign(String token, String url);

    /** {@code url} with a {@code bodySHA256} parameter that is the hex SHA-256 of {@code body}. */
    protected static String withBodyHash(String url, String body) {
        return BodyEchoSignatureVerifier.withBodyHash(url, body);
    }

    @Test
    void a_body_posted_to_the_url_carrying_its_hash_and_signed_with_the_token_verifies() {
        String url = withBodyHash(BASE, BODY);

        assertThat(verifier().isSignedBy(List.of("token"), url, BODY, sign("token", url))).isTrue();
        assertThat(verifier().isSignedBy(List.of("new", "token"), url, BODY, sign("token", url)))
                .as("during a rotation").isTrue();
    }

    @Test
    void another_token_or_no_token_fails() {
        String url = withBodyHash(BASE, BODY);

        assertThat(verifier().isSignedBy(List.of("token"), url, BODY, sign("other", url))).isFalse();
        assertThat(verifier().isSignedBy(List.of(), url, BODY, sign("token", url))).isFalse();
    }

    @Test
    void another_body_than_the_hashed_one_fails() {
        String url = withBodyHash(BASE, BODY);

        assertThat(verifier().isSignedBy(List.of("token"), url, BODY + " ", sign("token", url))).isFalse();
    }

    @Test
    void a_url_without_the_body_hash_fails_even_when_its_signature_is_right() {
        assertThat(verifier().isSignedBy(List.of("token"), BASE, BODY, sign("token", BASE))).isFalse();
    }

    @Test
    void a_url_whose_hash_is_of_another_body_fails_even_when_its_signature_is_right() {
        String url = withBodyHash(BASE, "[]");

        assertThat(verifier().isSignedBy(List.of("token"), url, BODY, sign("token", url))).isFalse();
    }

    @Test
    void another_url_fails() {
        String url = withBodyHash(BASE, BODY);
        String other = withBodyHash(BASE + "?account=AC" + "1".repeat(32), BODY);

        assertThat(verifier().isSignedBy(List.of("token"), other, BODY, sign("token", url))).isFalse();
    }

    @Test
    void a_missing_signature_fails() {
        String url = withBodyHash(BASE, BODY);

        assertThat(verifier().isSignedBy(List.of("token"), url, BODY, "")).isFalse();
        assertThat(verifier().isSignedBy(List.of("token"), url, BODY, null)).isFalse();
    }
}
