package dev.deliverytracker.domain;

import java.util.Map;

/** What a message says: free text, or a Twilio content template with its variables. */
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
        }
    }
}
