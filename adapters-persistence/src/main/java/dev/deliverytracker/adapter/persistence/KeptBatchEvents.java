package dev.deliverytracker.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deliverytracker.application.port.StreamedEvent;
import java.util.List;
import java.util.Map;

/**
 * The events of a refused batch as the {@code refused_event_batches.events} column keeps them: each as the
 * web adapter read it (id, type, the fields of {@code data}, its own JSON), so a replay reads no body again.
 */
final class KeptBatchEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Kept>> KEPT = new TypeReference<>() {
    };

    private KeptBatchEvents() {
    }

    record Kept(String id, String type, Map<String, String> data, String json) {
    }

    static String write(List<StreamedEvent> events) {
        try {
            return JSON.writeValueAsString(events.stream()
                    .map(event -> new Kept(event.id(), event.type(), event.data(), event.json())).toList());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("events of strings always serialize", impossible);
        }
    }

    static List<StreamedEvent> read(String json) {
        try {
            return JSON.readValue(json, KEPT).stream()
                    .map(kept -> new StreamedEvent(kept.id(), kept.type(), kept.data() == null ? Map.of() : kept.data(),
                            kept.json()))
                    .toList();
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("refused_event_batches.events is not a list of events: "
                    + unreadable.getOriginalMessage(), unreadable);
        }
    }
}
