package app.roster.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A platform system calling the API over real HTTP: JSON in and out, a bearer credential, no cookies. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer: status, headers, and the body as text and as JSON (null when it is not JSON). */
    public record Response(int status, HttpHeaders headers, String body, JsonNode json) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response get(String path, String credential) {
        return send("GET", path, bearer(credential), null);
    }

    public Response post(String path, String credential, String json) {
        Map<String, String> headers = bearer(credential);
        headers.put("Content-Type", "application/json");
        return send("POST", path, headers, json);
    }

    public Response delete(String path, String credential) {
        return send("DELETE", path, bearer(credential), null);
    }

    /** Anything else: the headers as given (no credential unless among them), a body or none. */
    public Response send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
            request.header("Accept", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body(), parse(response));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static JsonNode parse(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        return type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
    }

    private static Map<String, String> bearer(String credential) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (credential != null) {
            headers.put("Authorization", "Bearer " + credential);
        }
        return headers;
    }
}
