package dev.deliverytracker.adapter.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio auth tokens at rest: AES-256-GCM with a key the operator configures, written as
 * {@code v1:} + base64(nonce, ciphertext and tag). A value without the prefix is read as plain text,
 * so tokens stored before a key was set keep working and are encrypted the next time they are written.
 */
public final class TokenCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private TokenCipher(SecretKeySpec key) {
        this.key = key;
    }

    /** No key configured: tokens are stored as given (the service warns at start). */
    public static TokenCipher none() {
        return new TokenCipher(null);
    }

    /** A key of 32 bytes, base64-encoded. */
    public static TokenCipher withKey(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the key must be base64, as `openssl rand -base64 32` prints it");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("the key must be 32 bytes (AES-256), was " + bytes.length);
        }
        return new TokenCipher(new SecretKeySpec(bytes, "AES"));
    }

    String seal(String token) {
        if (token == null || key == null) {
            return token;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt an auth token", e);
        }
    }

    String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException("an auth token is stored encrypted but no key is configured "
                    + "(tracker.secrets.key / TRACKER_SECRETS_KEY)");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an auth token could not be decrypted: is tracker.secrets.key the key "
                    + "it was stored with?", e);
        }
    }
}
