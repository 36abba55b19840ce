package dev.deliverytracker.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * X-Twilio-Signature as Twilio documents it: HMAC-SHA1, keyed with the auth token, of the full URL
 * followed by each POST parameter's name and value, sorted by name; base64. The same algorithm as
 * the bootstrap tests' TwilioDocumentedSignature (package-private there), with one Mac per thread.
 */
final class TwilioSignature {

    private final ThreadLocal<Mac> mac;

    TwilioSignature(String authToken) {
        byte[] key = authToken.getBytes(StandardCharsets.UTF_8);
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA1");
                m.init(new SecretKeySpec(key, "HmacSHA1"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    String sign(String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> values.forEach(value -> data.append(name).append(value)));
        return Base64.getEncoder().encodeToString(mac.get().doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Twilio's published test vector (twilio-java's validator tests); checked at every start. */
    static void selfCheck() {
        Map<String, List<String>> params = Map.of("Digits", List.of("1234"), "CallSid", List.of("CA1234567890ABCDE"),
                "To", List.of("+18005551212"), "Caller", List.of("+14158675309"), "From", List.of("+14158675309"));
        String got = new TwilioSignature("12345").sign("https://mycompany.com/myapp.php?foo=1&bar=2", params);
        if (!"RSOYDt4T1cUTdK1PDd93/VVr8B8=".equals(got)) {
            throw new IllegalStateException("signature self-check failed: " + got);
        }
    }
}
