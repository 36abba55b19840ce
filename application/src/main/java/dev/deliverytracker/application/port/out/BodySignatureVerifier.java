package dev.deliverytracker.application.port.out;

import java.util.List;

/**
 * Proves a request with a JSON body was signed by Twilio with one of an account's auth tokens: the
 * signature covers the URL, whose {@code bodySHA256} query parameter must be the SHA-256 of the body.
 */
public interface BodySignatureVerifier {

    boolean isSignedBy(List<String> authTokens, String url, String body, String signature);
}
