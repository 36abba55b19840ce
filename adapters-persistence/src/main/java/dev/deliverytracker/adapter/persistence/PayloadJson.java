package dev.deliverytracker.adapter.persistence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deliverytracker.domain.Address;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A form as JSON for {@code provider_payload}: a parameter sent once becomes a string (how reports
 * read {@code provider_payload->>'ErrorCode'}), a repeated one an array, so nothing is lost.
 */
final class PayloadJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The parameters of a callback that carry a phone number. */
    static final Set<String> PHONE_NUMBERS = Set.of("From", "To", "ChannelToAddress");

    private PayloadJson() {
    }

    static String of(Map<String, List<String>> form) {
        return of(form, false);
    }

    /**
     * As {@link #of(Map)}, with the phone numbers ({@link #PHONE_NUMBERS}) masked when asked: a
     * {@code whatsapp:} prefix stays, the number keeps its country code and last two digits.
     */
    static String of(Map<String, List<String>> form, boolean maskPhoneNumbers) {
        // Streamed rather than built as a map and serialized: the group-commit writer runs this for
        // every callback, and the intermediate map was a third of its cost (bench/run.sh profile).
        StringWriter json = new StringWriter(256);
        try (JsonGenerator out = JSON.getFactory().createGenerator(json)) {
            out.writeStartObject();
            for (Map.Entry<String, List<String>> parameter : form.entrySet()) {
                boolean mask = maskPhoneNumbers && PHONE_NUMBERS.contains(parameter.getKey());
                List<String> values = parameter.getValue();
                out.writeFieldName(parameter.getKey());
                if (values.size() == 1) {
                    out.writeString(mask ? masked(values.get(0)) : values.get(0));
                } else {
                    out.writeStartArray();
                    for (String value : values) {
                        out.writeString(mask ? masked(value) : value);
                    }
                    out.writeEndArray();
                }
            }
            out.writeEndObject();
        } catch (IOException impossible) {
            throw new IllegalStateException("a form of strings always serializes", impossible);
        }
        return json.toString();
    }

    /** The inverse of {@link #of(Map)}: a string is a parameter sent once, an array a repeated one. */
    static Map<String, List<String>> form(String json) {
        JsonNode object;
        try {
            object = JSON.readTree(json == null ? "{}" : json);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("a stored callback payload is not JSON: " + corrupt.getOriginalMessage(),
                    corrupt);
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            List<String> values = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(value -> values.add(value.asText()));
            } else {
                values.add(field.getValue().asText());
            }
            form.put(field.getKey(), values);
        });
        return form;
    }

    private static String masked(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        int colon = address.indexOf(':');
        String prefix = colon < 0 ? "" : address.substring(0, colon + 1);
        return prefix + Address.masked(address.substring(prefix.length())).replace("'", "");
    }
}
