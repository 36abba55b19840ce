package dev.deliverytracker.domain;

/** What an alert condition says about one observation, in words an operator reads. */
public sealed interface AlertVerdict {

    String message();

    /** The condition holds: something is wrong. */
    record Firing(String message) implements AlertVerdict {
        public Firing {
            requireMessage(message);
        }
    }

    /** The condition does not hold (or there is too little traffic to tell). */
    record Clear(String message) implements AlertVerdict {
        public Clear {
            requireMessage(message);
        }
    }

    private static void requireMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a verdict needs a message");
        }
    }
}
