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
        for (JsonNode given : root) {
            JsonNode event = storable(given);
            if (!event.isObject()) {
                throw new Unreadable("element " + index + " of the array is not a CloudEvent object");
            }
            events.add(new StreamedEvent(text(event.get("id")), text(event.get("type")), data(event.get("data")),
                    JSON.writeValueAsString(event)));
            index++;
        }
        return events;
    }

    /**
     * The node with every string (names too) storable: an escaped NUL ({@code \\u0000}) or a lone
     * surrogate is valid JSON, but PostgreSQL stores neither in text or jsonb, so each becomes U+FFFD.
     * Twilio sends neither; the body as received, which the signature covers, is left as it is.
     */
    static JsonNode storable(JsonNode node) {
        if (node.isObject()) {
            tools.jackson.databind.node.ObjectNode copy = JSON.getNodeFactory().objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(storable(field.getKey()), storable(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            tools.jackson.databind.node.ArrayNode copy = JSON.getNodeFactory().arrayNode();
            node.values().forEach(element -> copy.add(storable(element)));
            return copy;
        }
        if (node.isString()) {
            String value = node.stringValue();
            String clean = storable(value);
            return clean.equals(value) ? node : JSON.getNodeFactory().stringNode(clean);
        }
        return node;
    }

    static String storable(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = c == '\u0000' || (Character.isSurrogate(c) && !pairedHigh
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))));
            if (bad && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (clean != null) {
                clean.append(bad ? '\uFFFD' : c);
            }
        }
        return clean == null ? text : clean.toString();
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
