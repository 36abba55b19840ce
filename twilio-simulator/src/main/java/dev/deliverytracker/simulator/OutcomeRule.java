package dev.deliverytracker.simulator;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Gives every message whose {@code To} (as sent, e.g. {@code whatsapp:+4915112345678}) matches
 * a regular expression a fixed outcome. The expression is searched, not matched whole: anchor it
 * with {@code ^} and {@code $} when you mean the whole number.
 *
 * @param to      a Java regular expression searched in the To parameter
 * @param outcome what happens to matching messages
 */
public record OutcomeRule(String to, Outcome outcome) {

    public OutcomeRule {
        if (to == null || to.isEmpty()) {
            throw new IllegalArgumentException("rule 'to' pattern is required");
        }
        if (outcome == null) {
            throw new IllegalArgumentException("rule for '" + to + "' needs an outcome");
        }
        try {
            Pattern.compile(to);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("rule 'to' is not a valid regular expression: " + e.getDescription(), e);
        }
    }

    boolean appliesTo(String recipient) {
        // Compiled per call: rules are few and change at run time, so a cache buys nothing measurable.
        return Pattern.compile(to).matcher(recipient).find();
    }
}
