package dev.deliverytracker.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the REST API of the running service over real HTTP, as an internal service would. */
final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String apiKey;

    ApiClient(int port, String apiKey) {
        this.port = port;
        this.apiKey = apiKey;
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> postAs(String contentType, String path, String body) {
        return send(builder(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> put(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> patch(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(builder(path, headers).GET());
    }

    HttpResponse<String> delete(String path) {
        return send(builder(path).DELETE());
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
