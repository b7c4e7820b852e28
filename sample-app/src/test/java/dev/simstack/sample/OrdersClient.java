package dev.simstack.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** The orders API as a client calls it, over HTTP at the stage's invoke URL. */
final class OrdersClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI api;

    OrdersClient(URI api) {
        this.api = api;
    }

    static String order(String customerId, long amount, String currency) {
        return "{\"customerId\":\"" + customerId + "\",\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}";
    }

    HttpResponse<String> place(String idempotencyKey, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + "/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Places an order of {@code amount} EUR cents for {@code customerId} and answers its id; it must be accepted. */
    String placeAccepted(String idempotencyKey, String customerId, long amount) throws IOException,
            InterruptedException {
        HttpResponse<String> placed = place(idempotencyKey, order(customerId, amount, "EUR"));
        if (placed.statusCode() != 202) {
            throw new AssertionError("POST /orders answered " + placed.statusCode() + ", not 202: " + placed.body());
        }
        return field(placed, "orderId");
    }

    /** The order's status as {@code GET /orders/{id}} answers it (null when the answer has none). */
    String statusOf(String orderId) throws IOException, InterruptedException {
        return field(status(orderId), "status");
    }

    HttpResponse<String> status(String orderId) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api + "/orders/" + orderId)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A field of a JSON answer. */
    static String field(HttpResponse<String> answer, String name) {
        return JsonNode.parser().parse(answer.body()).field(name).map(JsonNode::text).orElse(null);
    }
}
