package dev.deliverytracker.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The date formats Twilio uses on the wire. */
final class TwilioDates {

    /** RFC 2822 as Twilio writes it: {@code Tue, 24 Nov 2026 06:33:21 +0000}. */
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    /** A carrier's delivery-receipt time: {@code YYMMDDhhmm}. */
    private static final DateTimeFormatter RAW_DLR = DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);

    private TwilioDates() {
    }

    static String rfc2822(Instant instant) {
        return instant == null ? null : RFC_2822.format(instant);
    }

    static String rawDlrDoneDate(Instant instant) {
        return RAW_DLR.format(instant);
    }

    /** The range a {@code DateSent} filter value covers: a whole UTC day, or one second. */
    record Range(Instant from, Instant untilExclusive) {
    }

    static Range filterRange(String value) {
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return new Range(day.atStartOfDay().toInstant(ZoneOffset.UTC), day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            String local = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
            Instant second = LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
            return new Range(second, second.plusSeconds(1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("DateSent must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ss, got '" + value + "'", e);
        }
    }
}
