package dev.deliverytracker.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Posts status callbacks to the running service over real HTTP, as Twilio's proxy would. */
final class CallbackClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    CallbackClient(int port) {
        this.port = port;
    }

    static Map<String, List<String>> form(String... nameValues) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            form.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return form;
    }

    /** Signs for {@code signedUrl} and posts to the local server with the given extra headers. */
    HttpResponse<String> post(String pathAndQuery, Map<String, List<String>> form, String signature,
            String... headers) {
        String body = form.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        return send(pathAndQuery, "application/x-www-form-urlencoded", body, signature, headers);
    }

    HttpResponse<String> send(String pathAndQuery, String contentType, String body, String signature,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local(pathAndQuery)))
                .header("Content-Type", contentType)
                .header("User-Agent", "TwilioProxy/1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String local(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
