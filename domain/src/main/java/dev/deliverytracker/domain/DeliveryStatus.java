package dev.deliverytracker.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every status Twilio reports for a message, plus {@link #PENDING} (held by this service, not yet
 * handed to Twilio) and {@link #UNKNOWN} (a word Twilio may add tomorrow).
 *
 * <p>Callbacks arrive in any order and any number of times, so the current status is decided by
 * precedence, never by arrival: the status with the highest precedence seen so far shows. Taking a
 * maximum is commutative and idempotent, which is exactly what makes every order and every
 * duplication end in the same state.
 *
 * <p>Failures rank above {@code sent} and below {@code delivered}: a carrier that reports
 * {@code undelivered} after the handset confirmed delivery does not erase that delivery. The failure
 * stays in the history (and sets the message's failure milestone), but the message shows as
 * delivered, because a delivery receipt is positive evidence and a late failure is not.
 */
public enum DeliveryStatus {
    UNKNOWN(-1, false),
    PENDING(0, false),
    ACCEPTED(10, false),
    SCHEDULED(11, false),
    QUEUED(20, false),
    RECEIVING(25, false),
    SENDING(30, false),
    SENT(40, false),
    PARTIALLY_DELIVERED(41, false),
    CANCELED(45, true),
    FAILED(50, true),
    UNDELIVERED(51, true),
    DELIVERED(60, false),
    RECEIVED(65, true),
    READ(70, true);

    private static final Pattern WORD = Pattern.compile("[a-z][a-z_-]{0,31}");
    // Read on every callback, some twice: a map and names made once, not a scan that lowercases each name.
    private static final Map<String, DeliveryStatus> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(DeliveryStatus::wireName, status -> status));

    private final int precedence;
    private final boolean terminal;
    private final String wireName;

    DeliveryStatus(int precedence, boolean terminal) {
        this.precedence = precedence;
        this.terminal = terminal;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    public int precedence() {
        return precedence;
    }

    /**
     * Whether nothing more is expected for a message in this status on this channel. Delivered is
     * final for SMS but not for WhatsApp, where a read receipt can follow.
     */
    public boolean isTerminalOn(Channel channel) {
        return terminal || (this == DELIVERED && channel == Channel.SMS);
    }

    public boolean isFailure() {
        return this == FAILED || this == UNDELIVERED;
    }

    /** The status that shows once {@code other} has also been seen. */
    public DeliveryStatus after(DeliveryStatus other) {
        return other.precedence > precedence ? other : this;
    }

    /** The word Twilio and our database use: {@code delivered}, {@code partially_delivered}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Reads a status word as Twilio sends it. A well-formed word we do not know yet is
     * {@link #UNKNOWN}, so the event is still kept; anything that is not a word is refused.
     */
    public static DeliveryStatus fromTwilio(String word) {
        if (word == null || !WORD.matcher(word).matches()) {
            throw new IllegalArgumentException(
                    "status must be a lower-case word such as 'delivered', was " + Sids.quoteSafely(word));
        }
        return lookup(word).orElse(UNKNOWN);
    }

    public static Optional<DeliveryStatus> lookup(String word) {
        return word == null ? Optional.empty() : Optional.ofNullable(BY_WIRE_NAME.get(word));
    }
}
