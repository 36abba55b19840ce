package dev.deliverytracker.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form as JSON for {@code provider_payload}: a parameter sent once becomes a string (how reports
 * read {@code provider_payload->>'ErrorCode'}), a repeated one an array, so nothing is lost.
 */
final class PayloadJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PayloadJson() {
    }

    static String of(Map<String, List<String>> form) {
        Map<String, Object> shaped = new LinkedHashMap<>();
        form.forEach((name, values) -> shaped.put(name, values.size() == 1 ? values.get(0) : values));
        try {
            return JSON.writeValueAsString(shaped);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a form of strings always serializes", impossible);
        }
    }
}
