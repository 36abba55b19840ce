package dev.deliverytracker.simulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What happens to a message after create. Written as a short string in JSON and configuration:
 * {@code delivered}, {@code read}, {@code sent}, {@code no-callbacks}, {@code failed:30007},
 * {@code undelivered:30003}, {@code reject:21610}; with a {@code silent-} prefix
 * ({@code silent-delivered}, {@code silent-undelivered:30003}) the message moves through the same
 * statuses, and a fetch shows them, but no callback is posted: callbacks that were all lost.
 *
 * @param kind      what happens
 * @param errorCode Twilio's error code for the failing kinds, 0 otherwise
 * @param silent    the statuses move as for {@code kind}, but no status callback is posted
 */
public record Outcome(Kind kind, int errorCode, boolean silent) {

    /** The outcomes the simulator can play. */
    public enum Kind {
        /** sent → delivered. */
        DELIVERED("delivered"),
        /** sent → delivered → read on WhatsApp; on SMS the same as delivered (SMS has no read receipts). */
        READ("read"),
        /** sent, and then nothing: a carrier that never sends a receipt. */
        SENT("sent"),
        /** failed with an error code: it never left Twilio. */
        FAILED("failed"),
        /** sent → undelivered with an error code: the carrier gave up. */
        UNDELIVERED("undelivered"),
        /** the create call itself answers 400 with the error code; nothing is stored. */
        REJECT("reject"),
        /** the message is accepted, but no status callback is ever posted. */
        NO_CALLBACKS("no-callbacks");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        boolean needsErrorCode() {
            return this == FAILED || this == UNDELIVERED || this == REJECT;
        }
    }

    private static final String SILENT = "silent-";

    private static final Pattern NOTATION =
            Pattern.compile("([a-z-]+)(?:[:(]\\s*(\\d{5})\\s*\\)?)?");

    public Outcome(Kind kind, int errorCode) {
        this(kind, errorCode, false);
    }

    public Outcome {
        if (kind == null) {
            throw new IllegalArgumentException("outcome kind is required");
        }
        if (silent && (kind == Kind.REJECT || kind == Kind.NO_CALLBACKS)) {
            throw new IllegalArgumentException("outcome " + kind.word + " posts no callbacks anyway; it cannot be silent");
        }
        if (kind.needsErrorCode() && errorCode <= 0) {
            throw new IllegalArgumentException("outcome " + kind.word + " needs an error code, e.g. " + kind.word + ":30007");
        }
        if (!kind.needsErrorCode() && errorCode != 0) {
            throw new IllegalArgumentException("outcome " + kind.word + " takes no error code, got " + errorCode);
        }
    }

    public static Outcome delivered() {
        return new Outcome(Kind.DELIVERED, 0);
    }

    public static Outcome read() {
        return new Outcome(Kind.READ, 0);
    }

    public static Outcome sentOnly() {
        return new Outcome(Kind.SENT, 0);
    }

    public static Outcome noCallbacks() {
        return new Outcome(Kind.NO_CALLBACKS, 0);
    }

    /**
     * The message moves through {@code inner}'s statuses (a fetch shows each as it is reached) but no
     * status callback is posted: every callback lost on the way, the case the reconciler closes.
     */
    public static Outcome silent(Outcome inner) {
        return new Outcome(inner.kind(), inner.errorCode(), true);
    }

    public static Outcome failed(int errorCode) {
        return new Outcome(Kind.FAILED, errorCode);
    }

    public static Outcome undelivered(int errorCode) {
        return new Outcome(Kind.UNDELIVERED, errorCode);
    }

    public static Outcome rejectOnCreate(int errorCode) {
        return new Outcome(Kind.REJECT, errorCode);
    }

    /** Reads the short form, e.g. {@code failed:30007} or {@code failed(30007)}. */
    @JsonCreator
    public static Outcome parse(String notation) {
        String text = notation == null ? "" : notation.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith(SILENT)) {
            return silent(parse(text.substring(SILENT.length())));
        }
        Matcher matcher = NOTATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("outcome must look like delivered, read, sent, no-callbacks, "
                    + "failed:30007, undelivered:30003 or reject:21610, optionally prefixed silent-, got '"
                    + notation + "'");
        }
        for (Kind kind : Kind.values()) {
            if (kind.word.equals(matcher.group(1))) {
                return new Outcome(kind, matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2)));
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + notation + "'");
    }

    /** The short form that {@link #parse(String)} reads. */
    @JsonValue
    public String notation() {
        return (silent ? SILENT : "") + (errorCode == 0 ? kind.word : kind.word + ":" + errorCode);
    }

    @Override
    public String toString() {
        return notation();
    }
}
