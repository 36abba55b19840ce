package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.SignatureVerifier;
import java.util.List;
import java.util.Map;

/**
 * Accepts a signature that names one of the tokens and the URL ({@code token@url}): enough for use
 * case tests to tell a right token from a wrong one. The real HMAC is tested in adapters-twilio.
 */
public final class TokenEchoSignatureVerifier implements SignatureVerifier {

    public static String sign(String token, String url) {
        return token + "@" + url;
    }

    @Override
    public boolean isSignedBy(List<String> authTokens, String url, Map<String, List<String>> parameters,
            String signature) {
        return authTokens.stream().anyMatch(token -> sign(token, url).equals(signature));
    }
}
