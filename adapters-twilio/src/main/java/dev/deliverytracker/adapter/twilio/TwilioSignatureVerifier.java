package dev.deliverytracker.adapter.twilio;

import com.twilio.security.RequestValidator;
import dev.deliverytracker.application.port.out.SignatureVerifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} with twilio-java's own {@link RequestValidator}, which compares in
 * constant time and also tries the URL with and without an explicit default port (proxies change that).
 */
public final class TwilioSignatureVerifier implements SignatureVerifier {

    @Override
    public boolean isSignedBy(List<String> authTokens, String url, Map<String, List<String>> parameters,
            String signature) {
        String signedUrl = withoutFragment(url);
        Map<String, String> form = new LinkedHashMap<>();
        // Status callbacks never repeat a parameter; the validator takes one value per name.
        parameters.forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.get(0)));
        for (String token : authTokens) {
            if (new RequestValidator(token).validate(signedUrl, form, signature)) {
                return true;
            }
        }
        return false;
    }

    /** The fragment carries Twilio's connection overrides; it is never sent and never signed. */
    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
