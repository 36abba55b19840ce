package dev.deliverytracker.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Twilio-format SIDs: a two-letter prefix and 32 lowercase hex digits. Unique across runs, as
 * Twilio's are: a service restarted on the embedded simulator keeps the SIDs it stored, and a seeded
 * sequence would hand the same SIDs out again. Behaviour stays reproducible through the seeded Random.
 */
final class SidGenerator {

    private final SecureRandom random = new SecureRandom();

    String next(String prefix) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
