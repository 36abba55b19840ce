package dev.deliverytracker.domain;

/** The identity of an alert rule, unique across organizations. */
public record AlertRuleId(long value) {

    public AlertRuleId {
        if (value <= 0) {
            throw new IllegalArgumentException("alert rule id must be a positive number, was " + value);
        }
    }

    public static AlertRuleId of(long value) {
        return new AlertRuleId(value);
    }

    /** Reads an id as it appears in a URL path. */
    public static AlertRuleId parse(String text) {
        try {
            return of(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException notANumber) {
            throw new IllegalArgumentException("alert rule id must be a positive whole number, was "
                    + Sids.quoteSafely(text));
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
