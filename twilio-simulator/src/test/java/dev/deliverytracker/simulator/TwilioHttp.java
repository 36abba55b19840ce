package dev.deliverytracker.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw HTTP calls to a simulator, as a client that is not twilio-java would make them. */
final class TwilioHttp {

    record Answer(int status, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final TwilioSimulator simulator;
    private String user;
    private String password;

    TwilioHttp(TwilioSimulator simulator) {
        this.simulator = simulator;
        this.user = simulator.accountSid();
        this.password = simulator.authToken();
    }

    TwilioHttp as(String accountSid, String token) {
        TwilioHttp other = new TwilioHttp(simulator);
        other.user = accountSid;
        other.password = token;
        return other;
    }

    String messagesPath() {
        return "/2010-04-01/Accounts/" + user + "/Messages.json";
    }

    Answer create(String... nameValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            form.put(nameValues[i], nameValues[i + 1]);
        }
        return post(messagesPath(), CallbackDispatcher.formEncode(form));
    }

    Answer post(String path, String formBody) {
        return send(HttpRequest.newBuilder(simulator.baseUrl().resolve(path))
                .header("Authorization", basic())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build());
    }

    Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + pathAndQuery)).header("Authorization", basic()).GET().build());
    }

    Answer control(String method, String path, String json) {
        return send(HttpRequest.newBuilder(simulator.baseUrl().resolve(path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
