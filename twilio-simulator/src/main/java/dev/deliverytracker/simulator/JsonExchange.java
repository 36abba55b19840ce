package dev.deliverytracker.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Reads request bodies and writes JSON answers on a JDK {@link HttpExchange}. */
final class JsonExchange {

    private final ObjectMapper json;

    JsonExchange(ObjectMapper json) {
        this.json = json;
    }

    static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    void error(HttpExchange exchange, TwilioError error) throws IOException {
        reply(exchange, error.status(), error.toJson());
    }

    ObjectMapper mapper() {
        return json;
    }
}
