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

    HttpResponse<String> status(String orderId) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api + "/orders/" + orderId)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A field of a JSON answer. */
    static String field(HttpResponse<String> answer, String name) {
        return JsonNode.parser().parse(answer.body()).field(name).map(JsonNode::text).orElse(null);
    }
}
