package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.LogFields;
import java.util.Set;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks phone numbers in every text of a structured log line (the message, an exception's message and
 * stack trace, any context value) as {@link MaskedMessageConverter} does in the pattern, except in the
 * fields that carry our own ids, which are never phone numbers and must stay searchable.
 * Set as {@code logging.structured.json.customizer} in application.yml.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    private static final Set<String> ID_FIELDS = Set.of(LogFields.MESSAGE_ID, LogFields.ORGANIZATION_ID,
            LogFields.MESSAGE_SID, LogFields.ACCOUNT_SID);

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, MaskedMessageConverter::mask)
                .whenHasPath(path -> path.name() == null || !ID_FIELDS.contains(path.name())));
    }
}
