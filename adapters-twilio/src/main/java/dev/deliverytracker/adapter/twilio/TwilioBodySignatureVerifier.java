package dev.deliverytracker.adapter.twilio;

import com.twilio.security.RequestValidator;
import dev.deliverytracker.application.port.out.BodySignatureVerifier;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Checks {@code X-Twilio-Signature} of a request with a JSON body (Twilio Event Streams): Twilio signs
 * the URL alone, whose {@code bodySHA256} query parameter is the hex SHA-256 of the body. twilio-java's
 * {@link RequestValidator#validate(String, String, String)} checks both (in constant time) and refuses a
 * URL without that parameter. As for callbacks, any {@code #fragment} is dropped first: it is never
 * sent and never signed.
 */
public final class TwilioBodySignatureVerifier implements BodySignatureVerifier {

    @Override
    public boolean isSignedBy(List<String> authTokens, String url, String body, String signature) {
        if (signature == null || body == null || url == null) {
            return false;
        }
        String signedUrl = TwilioSignatureVerifier.withoutFragment(url);
        for (String token : authTokens) {
            try {
                if (new RequestValidator(token).validate(signedUrl, body, signature)) {
                    return true;
                }
            } catch (URISyntaxException | IllegalArgumentException unparseable) {
                return false;
            }
        }
        return false;
    }
}
