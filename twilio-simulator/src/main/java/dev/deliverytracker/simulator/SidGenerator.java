package dev.deliverytracker.simulator;

import java.util.Random;

/** Twilio-format SIDs: a two-letter prefix and 32 lowercase hex digits, drawn from the seeded Random. */
final class SidGenerator {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Random random;

    SidGenerator(Random random) {
        this.random = random;
    }

    String next(String prefix) {
        StringBuilder sid = new StringBuilder(prefix);
        synchronized (random) {
            for (int i = 0; i < 32; i++) {
                sid.append(HEX[random.nextInt(16)]);
            }
        }
        return sid.toString();
    }
}
