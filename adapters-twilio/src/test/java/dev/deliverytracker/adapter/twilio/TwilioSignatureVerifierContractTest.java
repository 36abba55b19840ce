package dev.deliverytracker.adapter.twilio;

import dev.deliverytracker.application.fake.SignatureVerifierContract;
import dev.deliverytracker.application.port.out.SignatureVerifier;
import java.util.List;
import java.util.Map;

class TwilioSignatureVerifierContractTest extends SignatureVerifierContract {

    private final TwilioSignatureVerifier verifier = new TwilioSignatureVerifier();

    @Override
    protected SignatureVerifier verifier() {
        return verifier;
    }

    @Override
    protected String sign(String token, String url, Map<String, List<String>> parameters) {
        return TwilioSigning.sign(token, url, parameters);
    }
}
