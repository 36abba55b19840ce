package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.domain.Milestone;
import dev.deliverytracker.domain.TwilioError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Messages as RFC 4180 CSV: CRLF line ends, every field that needs it quoted, quotes doubled. */
final class MessagesCsv {

    static final List<String> HEADER = List.of("id", "created_at", "channel", "to", "from", "sid", "status",
            "error_code", "error_meaning", "queued_at", "sent_at", "delivered_at", "read_at", "failed_at", "attempts",
            "tags");

    private final Writer out;

    MessagesCsv(Writer out) {
        this.out = out;
    }

    void header() {
        line(HEADER);
    }

    void row(MessageSummary message) {
        line(List.of(message.id().toString(), message.createdAt().toString(), message.channel().wireName(),
                message.to(), message.from(), message.sid(), message.status().wireName(),
                message.error().isPresent() ? Integer.toString(message.error().code()) : "",
                message.error().meaning().map(TwilioError::title).orElse(""),
                at(message, Milestone.QUEUED), at(message, Milestone.SENT), at(message, Milestone.DELIVERED),
                at(message, Milestone.READ), at(message, Milestone.FAILED), Integer.toString(message.attempts()),
                json(message.tags())));
    }

    private static String at(MessageSummary message, Milestone milestone) {
        return message.milestones().at(milestone).map(Instant::toString).orElse("");
    }

    private void line(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quoted(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            // The client went away: let it end the query and its transaction.
            throw new UncheckedIOException(e);
        }
    }

    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** The tags as a JSON object, so one cell keeps them all and any spreadsheet can still split them. */
    static String json(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return "";
        }
        StringBuilder json = new StringBuilder("{");
        tags.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(jsonString(entry.getKey())).append(':').append(jsonString(entry.getValue()));
        });
        return json.append('}').toString();
    }

    private static String jsonString(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
