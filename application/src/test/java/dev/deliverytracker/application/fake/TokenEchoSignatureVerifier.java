package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.SignatureVerifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accepts a signature that names one of the tokens, the URL and every parameter
 * ({@code token@url?name=value...}, names sorted as Twilio sorts them): enough for use case tests to
 * tell a right token, URL or form from a wrong one. The real HMAC is tested in adapters-twilio;
 * {@link SignatureVerifierContract} holds both to the same promises.
 */
public final class TokenEchoSignatureVerifier implements SignatureVerifier {

    public static String sign(String token, String url, Map<String, List<String>> parameters) {
        StringBuilder signed = new StringBuilder(token).append('@').append(url).append('?');
        new TreeMap<>(parameters).forEach((name, values) -> values.forEach(value ->
                signed.append(name).append('=').append(value).append('&')));
        return signed.toString();
    }

    @Override
    public boolean isSignedBy(List<String> authTokens, String url, Map<String, List<String>> parameters,
            String signature) {
        return signature != null && authTokens.stream().anyMatch(token -> sign(token, url, parameters).equals(signature));
    }
}
