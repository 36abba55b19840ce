package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.SignatureVerifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every verifier of form-encoded callbacks promises ({@link SignatureVerifier}), run against
 * {@link TokenEchoSignatureVerifier} and against twilio-java's validator. A verifier signs the way its
 * provider does ({@link #sign}); the contract only says what a signature must cover.
 */
public abstract class SignatureVerifierContract {

    protected static final String URL = "https://tracker.example.com/twilio-status?mid=42";

    protected abstract SignatureVerifier verifier();

    /** The signature the provider would send with this form, posted to this URL, signed with this token. */
    protected abstract String sign(String token, String url, Map<String, List<String>> parameters);

    @Test
    void a_callback_signed_with_the_accounts_token_verifies() {
        assertThat(verifier().isSignedBy(List.of("token"), URL, form(), sign("token", URL, form()))).isTrue();
    }

    @Test
    void during_a_rotation_either_token_verifies() {
        assertThat(verifier().isSignedBy(List.of("new", "old"), URL, form(), sign("old", URL, form()))).isTrue();
        assertThat(verifier().isSignedBy(List.of("new", "old"), URL, form(), sign("new", URL, form()))).isTrue();
    }

    @Test
    void another_token_fails() {
        assertThat(verifier().isSignedBy(List.of("token"), URL, form(), sign("other", URL, form()))).isFalse();
    }

    @Test
    void no_token_verifies_nothing() {
        assertThat(verifier().isSignedBy(List.of(), URL, form(), sign("token", URL, form()))).isFalse();
    }

    @Test
    void another_url_fails() {
        assertThat(verifier().isSignedBy(List.of("token"), URL.replace("mid=42", "mid=43"), form(),
                sign("token", URL, form()))).isFalse();
    }

    @Test
    void a_changed_parameter_fails() {
        Map<String, List<String>> changed = form();
        changed.put("MessageStatus", List.of("read"));

        assertThat(verifier().isSignedBy(List.of("token"), URL, changed, sign("token", URL, form()))).isFalse();
    }

    @Test
    void an_added_or_a_removed_parameter_fails() {
        Map<String, List<String>> added = form();
        added.put("ErrorCode", List.of("30003"));
        Map<String, List<String>> removed = form();
        removed.remove("MessageStatus");

        assertThat(verifier().isSignedBy(List.of("token"), URL, added, sign("token", URL, form()))).isFalse();
        assertThat(verifier().isSignedBy(List.of("token"), URL, removed, sign("token", URL, form()))).isFalse();
    }

    @Test
    void the_order_in_which_the_parameters_arrive_does_not_matter() {
        Map<String, List<String>> reversed = new LinkedHashMap<>();
        List<String> names = List.copyOf(form().keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            reversed.put(names.get(i), form().get(names.get(i)));
        }

        assertThat(verifier().isSignedBy(List.of("token"), URL, reversed, sign("token", URL, form()))).isTrue();
    }

    @Test
    void a_missing_or_empty_signature_fails() {
        assertThat(verifier().isSignedBy(List.of("token"), URL, form(), "")).isFalse();
        assertThat(verifier().isSignedBy(List.of("token"), URL, form(), null)).isFalse();
    }

    protected static Map<String, List<String>> form() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("AccountSid", List.of("AC" + "1".repeat(32)));
        form.put("MessageSid", List.of("SM" + "2".repeat(32)));
        form.put("MessageStatus", List.of("delivered"));
        form.put("To", List.of("whatsapp:+31612345678"));
        return form;
    }
}
