package dev.deliverytracker.application.port.out;

import java.util.List;
import java.util.Map;

/** Proves a callback was signed by Twilio with one of an account's auth tokens. */
public interface SignatureVerifier {

    boolean isSignedBy(List<String> authTokens, String url, Map<String, List<String>> parameters, String signature);
}
