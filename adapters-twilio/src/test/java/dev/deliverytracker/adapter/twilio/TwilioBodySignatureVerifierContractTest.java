package dev.deliverytracker.adapter.twilio;

import dev.deliverytracker.application.fake.BodySignatureVerifierContract;
import dev.deliverytracker.application.port.out.BodySignatureVerifier;
import java.util.Map;

class TwilioBodySignatureVerifierContractTest extends BodySignatureVerifierContract {

    private final TwilioBodySignatureVerifier verifier = new TwilioBodySignatureVerifier();

    @Override
    protected BodySignatureVerifier verifier() {
        return verifier;
    }

    @Override
    protected String sign(String token, String url) {
        return TwilioSigning.sign(token, url, Map.of());
    }
}
