package dev.deliverytracker.adapter.web;

/**
 * Text from a request made fit for one log line or a problem detail: control characters (a forged
 * newline would forge a log line), lone surrogates and noncharacters (which no XML or JSON log
 * reader takes) become {@code ?}, and it is cut to a length a reader can take in, never inside a
 * character.
 */
public final class LogSafe {

    private static final int LONGEST = 300;

    private LogSafe() {
    }

    public static String text(String value) {
        if (value == null) {
            return "none";
        }
        boolean tooLong = value.codePointCount(0, value.length()) > LONGEST;
        String cut = tooLong ? value.substring(0, value.offsetByCodePoints(0, LONGEST)) : value;
        StringBuilder safe = new StringBuilder(cut.length() + 1);
        cut.codePoints().forEach(codePoint -> safe.appendCodePoint(readable(codePoint) ? codePoint : '?'));
        return tooLong ? safe.append('…').toString() : safe.toString();
    }

    private static boolean readable(int codePoint) {
        int type = Character.getType(codePoint);
        return !Character.isISOControl(codePoint) && type != Character.SURROGATE && type != Character.UNASSIGNED
                && (codePoint & 0xFFFE) != 0xFFFE;
    }
}
