package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioDocumentedSignatureTest {

    @Test
    void the_test_signer_reproduces_twilios_published_vector() {
        Map<String, List<String>> params = Map.of("Digits", List.of("1234"), "CallSid", List.of("CA1234567890ABCDE"),
                "To", List.of("+18005551212"), "Caller", List.of("+14158675309"), "From", List.of("+14158675309"));
        assertThat(TwilioDocumentedSignature.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
                .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }
}
