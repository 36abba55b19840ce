package dev.deliverytracker.adapter.twilio;

import com.twilio.security.RequestValidator;
import dev.deliverytracker.application.port.out.SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Twilio-Signature}. twilio-java's own {@link RequestValidator} is the authority: it
 * compares in constant time and tries the URL with and without an explicit default port (proxies
 * change that). It always computes both, so the usual case, a signature over exactly the URL that
 * reached us, is checked first with Twilio's documented algorithm, one HMAC instead of two; only a
 * signature that does not match that goes to the validator.
 */
public final class TwilioSignatureVerifier implements SignatureVerifier {

    private static final String HMAC_SHA1 = "HmacSHA1";
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(HMAC_SHA1);
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("every Java runtime has " + HMAC_SHA1, missing);
        }
    });

    @Override
    public boolean isSignedBy(List<String> authTokens, String url, Map<String, List<String>> parameters,
            String signature) {
        if (signature == null) {
            return false;
        }
        String signedUrl = withoutFragment(url);
        Map<String, String> form = new LinkedHashMap<>();
        // Status callbacks never repeat a parameter; the validator takes one value per name.
        parameters.forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.get(0)));
        for (String token : authTokens) {
            if (signsExactly(token, signedUrl, form, signature)
                    || new RequestValidator(token).validate(signedUrl, form, signature)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code signature} is Twilio's signature, with this token, of exactly this URL and form. */
    static boolean signsExactly(String token, String url, Map<String, String> form, String signature) {
        return MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8), sign(token, signedData(url, form)));
    }

    /** The URL, then each parameter's name and value, parameters sorted by name, as Twilio documents. */
    private static byte[] signedData(String url, Map<String, String> form) {
        List<String> names = new ArrayList<>(form.keySet());
        Collections.sort(names);
        StringBuilder data = new StringBuilder(url);
        for (String name : names) {
            data.append(name).append(form.get(name));
        }
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sign(String token, byte[] data) {
        Mac mac = MAC.get();
        try {
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), HMAC_SHA1));
        } catch (GeneralSecurityException refused) {
            throw new IllegalStateException("an HMAC key of any length is accepted", refused);
        }
        return Base64.getEncoder().encode(mac.doFinal(data));
    }

    /** The fragment carries Twilio's connection overrides; it is never sent and never signed. */
    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
