package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.BodySignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts a signature that names one of the tokens and the URL ({@code token@url}), when the URL's
 * {@code bodySHA256} parameter is the body's SHA-256, as Twilio's scheme has it: enough for use case
 * tests to tell a right token, URL or body from a wrong one. The real HMAC is tested in
 * adapters-twilio; {@link BodySignatureVerifierContract} holds both to the same promises.
 */
public final class BodyEchoSignatureVerifier implements BodySignatureVerifier {

    private static final Pattern BODY_HASH = Pattern.compile("[?&]bodySHA256=([^&#]*)");

    /** The signature of {@code url}, which must already carry the body's hash ({@link #withBodyHash}). */
    public static String sign(String token, String url) {
        return token + "@" + url;
    }

    /** Signs {@code url} with its {@code bodySHA256} set to {@code body}'s hash, as Twilio would. */
    public static String sign(String token, String url, String body) {
        return sign(token, withBodyHash(url, body));
    }

    /** {@code url} with its {@code bodySHA256} parameter set (or added) to the hex SHA-256 of {@code body}. */
    public static String withBodyHash(String url, String body) {
        String hash = sha256(body);
        Matcher existing = BODY_HASH.matcher(url);
        if (existing.find()) {
            return url.substring(0, existing.start(1)) + hash + url.substring(existing.end(1));
        }
        return url + (url.contains("?") ? "&" : "?") + "bodySHA256=" + hash;
    }

    @Override
    public boolean isSignedBy(List<String> authTokens, String url, String body, String signature) {
        if (signature == null || body == null || url == null) {
            return false;
        }
        Matcher hash = BODY_HASH.matcher(url);
        if (!hash.find() || !hash.group(1).equals(sha256(body))) {
            return false;
        }
        return authTokens.stream().anyMatch(token -> sign(token, url).equals(signature));
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime has SHA-256", missing);
        }
    }
}
