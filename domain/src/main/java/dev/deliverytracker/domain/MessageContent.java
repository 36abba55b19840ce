package dev.deliverytracker.domain;

import java.util.Map;

/**
 * What a message says: free text, a Twilio content template with its variables, or, for a message
 * another application sent, not known (yet).
 */
public sealed interface MessageContent {

    /** Twilio refuses longer bodies (error 21617). */
    int MAX_BODY_LENGTH = 1600;

    record Text(String body) implements MessageContent {
        public Text {
            if (body == null || body.isBlank()) {
                throw new IllegalArgumentException("body must not be empty");
            }
            if (body.length() > MAX_BODY_LENGTH) {
                throw new IllegalArgumentException(
                        "body must be at most " + MAX_BODY_LENGTH + " characters, was " + body.length());
            }
            requireText("body", body);
        }
    }

    record Template(ContentSid contentSid, Map<String, String> variables) implements MessageContent {
        public Template {
            if (contentSid == null) {
                throw new IllegalArgumentException("template content SID is required");
            }
            if (variables != null && variables.entrySet().stream()
                    .anyMatch(variable -> variable.getKey() == null || variable.getValue() == null)) {
                throw new IllegalArgumentException("template variables must each have a name and a value (no nulls)");
            }
            variables = Map.copyOf(variables == null ? Map.of() : variables);
            variables.forEach((name, value) -> {
                requireText("template variable name", name);
                requireText("template variable " + name.replaceAll("[^\\w.-]", "?"), value);
            });
        }
    }

    /**
     * A message another application sent: its callbacks carry no body, so what it says is known only
     * once its sender registers it or Twilio's resource shows it.
     */
    record Unknown() implements MessageContent {
    }

    /**
     * Refuses text no message can carry: the NUL character (PostgreSQL cannot store it, Twilio does not
     * send it) and half of a surrogate pair (not a character at all; it would be stored as '?').
     */
    static void requireText(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException(field + " must not contain the NUL character (U+0000), found at "
                        + "position " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + " must be valid Unicode: a lone surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ") at position " + i);
            }
        }
    }
}
