package dev.deliverytracker.adapter.web.eventstreams;

import dev.deliverytracker.application.port.StreamedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an Event Streams body: a JSON array of CloudEvents. The body is kept as the exact text that
 * came (its SHA-256 is in the signed URL); each event becomes a {@link StreamedEvent} with the scalar
 * fields of its {@code data} as text, a nested value as its JSON, and the event's own JSON.
 */
final class CloudEventsBody {

    private static final JsonMapper JSON = JsonMapper.shared();

    private CloudEventsBody() {
    }

    /** A body that is not an array of CloudEvents; the message says what is wrong. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    record Read(String text, List<StreamedEvent> events) {
    }

    static Read read(InputStream in, int limit) throws IOException, Unreadable {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new Unreadable("body is larger than " + limit + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new Unreadable("body is not UTF-8");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new Unreadable("body holds the NUL character");
        }
        return new Read(text, events(text));
    }

    static List<StreamedEvent> events(String text) throws Unreadable {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException invalid) {
            throw new Unreadable("body is not JSON: " + invalid.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new Unreadable("body must be a JSON array of CloudEvents");
        }
        List<StreamedEvent> events = new ArrayList<>();
        int index = 0;
        for (JsonNode event : root) {
            if (!event.isObject()) {
                throw new Unreadable("element " + index + " of the array is not a CloudEvent object");
            }
            events.add(new StreamedEvent(text(event.get("id")), text(event.get("type")), data(event.get("data")),
                    JSON.writeValueAsString(event)));
            index++;
        }
        return events;
    }

    private static Map<String, String> data(JsonNode data) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (data == null || !data.isObject()) {
            return fields;
        }
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            String value = text(field.getValue());
            if (value != null) {
                fields.put(field.getKey(), value);
            }
        }
        return fields;
    }

    /** A string as itself, a number or boolean as written, an object or array as JSON, null as nothing. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isContainer()) {
            return JSON.writeValueAsString(value);
        }
        return value.asString();
    }
}
