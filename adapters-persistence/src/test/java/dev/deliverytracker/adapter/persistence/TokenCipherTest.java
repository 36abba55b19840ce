package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void a_sealed_token_opens_to_itself_and_does_not_show_it() {
        TokenCipher cipher = TokenCipher.withKey(KEY);
        String sealed = cipher.seal("my-auth-token");
        assertThat(sealed).startsWith("v1:").doesNotContain("my-auth-token");
        assertThat(cipher.seal("my-auth-token")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.open(sealed)).isEqualTo("my-auth-token");
    }

    @Test
    void a_token_stored_before_a_key_was_set_is_read_as_it_is() {
        assertThat(TokenCipher.withKey(KEY).open("plain-token")).isEqualTo("plain-token");
        assertThat(TokenCipher.none().seal("plain-token")).isEqualTo("plain-token");
    }

    @Test
    void the_wrong_key_or_no_key_refuses_to_open_with_a_reason() {
        String sealed = TokenCipher.withKey(KEY).seal("my-auth-token");
        assertThatIllegalStateException().isThrownBy(() -> TokenCipher.withKey(OTHER_KEY).open(sealed))
                .withMessageContaining("is tracker.secrets.key the key it was stored with");
        assertThatIllegalStateException().isThrownBy(() -> TokenCipher.none().open(sealed))
                .withMessageContaining("no key is configured");
    }

    @Test
    void a_bad_key_is_refused_saying_what_is_expected() {
        assertThatIllegalArgumentException().isThrownBy(() -> TokenCipher.withKey("c2hvcnQ="))
                .withMessageContaining("32 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> TokenCipher.withKey("not base64!"))
                .withMessageContaining("openssl rand -base64 32");
    }
}
