package dev.deliverytracker.adapter.web;

/**
 * Text from a request made fit for one log line or a problem detail: control characters (a forged
 * newline would forge a log line) become {@code ?}, and it is cut to a length a reader can take in.
 */
final class LogSafe {

    private static final int LONGEST = 300;

    private LogSafe() {
    }

    static String text(String value) {
        if (value == null) {
            return "none";
        }
        String cut = value.length() > LONGEST ? value.substring(0, LONGEST) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
