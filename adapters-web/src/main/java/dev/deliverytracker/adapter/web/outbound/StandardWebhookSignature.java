package dev.deliverytracker.adapter.web.outbound;

import dev.deliverytracker.domain.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature (standardwebhooks.com, "Symmetric"): HMAC-SHA256 with the bytes of
 * the {@code whsec_} secret over {@code id.timestamp.body}, base64, prefixed {@code v1,}; one per
 * secret, separated by spaces, so a receiver holding either secret of a rotation accepts the post.
 * Written by hand (ADR 0041): no maintained Java library of the scheme is on Maven Central's list we
 * can use, and the scheme is these few lines.
 */
public final class StandardWebhookSignature {

    private StandardWebhookSignature() {
    }

    /** The {@code webhook-signature} header for this id, Unix timestamp in seconds, and exact body. */
    public static String header(String id, long timestamp, String body, List<WebhookSecret> secrets) {
        return secrets.stream().map(secret -> "v1," + sign(secret, id, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    static String sign(WebhookSecret secret, String id, long timestamp, String body) {
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] signed = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", unavailable);
        }
    }

    /** One per thread: looking the algorithm up among the providers cost more than the signature itself. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", unavailable);
        }
    });
}
