package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.BodySignatureVerifier;
import java.util.List;

/**
 * Accepts a signature that names one of the tokens, the URL and the body ({@code token@url#body}):
 * enough for use case tests to tell a right token, URL or body from a wrong one. The real HMAC and
 * {@code bodySHA256} are tested in adapters-twilio.
 */
public final class BodyEchoSignatureVerifier implements BodySignatureVerifier {

    public static String sign(String token, String url, String body) {
        return token + "@" + url + "#" + body;
    }

    @Override
    public boolean isSignedBy(List<String> authTokens, String url, String body, String signature) {
        return authTokens.stream().anyMatch(token -> sign(token, url, body).equals(signature));
    }
}
