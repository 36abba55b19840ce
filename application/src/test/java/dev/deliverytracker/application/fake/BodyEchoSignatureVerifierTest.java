package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.BodySignatureVerifier;

class BodyEchoSignatureVerifierTest extends BodySignatureVerifierContract {

    @Override
    protected BodySignatureVerifier verifier() {
        return new BodyEchoSignatureVerifier();
    }

    @Override
    protected String sign(String token, String url) {
        return BodyEchoSignatureVerifier.sign(token, url);
    }
}
