package dev.deliverytracker.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A message's {@code tags} and {@code content_variables} columns (jsonb maps of strings), for plain SQL. */
final class StringMapJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private StringMapJson() {
    }

    static String write(Map<String, String> map) {
        if (map == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a map of strings always serializes", impossible);
        }
    }

    /** The map, or null for SQL null; a column that is not a map of strings is a broken row. */
    static Map<String, String> read(String json) {
        if (json == null) {
            return null;
        }
        if ("{}".equals(json)) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("a message's JSON column is not a map of strings: "
                    + unreadable.getOriginalMessage(), unreadable);
        }
    }
}
