package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.SignatureVerifier;
import java.util.List;
import java.util.Map;

class TokenEchoSignatureVerifierTest extends SignatureVerifierContract {

    @Override
    protected SignatureVerifier verifier() {
        return new TokenEchoSignatureVerifier();
    }

    @Override
    protected String sign(String token, String url, Map<String, List<String>> parameters) {
        return TokenEchoSignatureVerifier.sign(token, url, parameters);
    }
}
