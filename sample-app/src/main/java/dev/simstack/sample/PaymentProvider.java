package dev.simstack.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/**
 * The payment provider's HTTP API: {@code POST {PAYMENT_URL}/charges} with an {@code Idempotency-Key}
 * (the order id), so the provider charges an order once however often it is asked, as Stripe-like APIs do.
 * It answers {@code {"chargeId":"..."}}.
 */
final class PaymentProvider {

    /** The provider did not charge: a failed call, to be retried by a later delivery. */
    static final class ChargeFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        ChargeFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One client for the process, reused across invocations (its connections with it). */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI charges;

    PaymentProvider(String baseUrl) {
        this.charges = URI.create(baseUrl.replaceAll("/+$", "") + "/charges");
    }

    /** Charges {@code order}; with {@code idempotent} the order id goes as the request's Idempotency-Key. */
    String charge(Order order, boolean idempotent) throws ChargeFailedException {
        String body = new String(JsonWriter.create().writeStartObject()
                .writeFieldName("orderId").writeValue(order.orderId())
                .writeFieldName("amount").writeValue(order.amount())
                .writeFieldName("currency").writeValue(order.currency())
                .writeEndObject().getBytes(), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(charges).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotent) {
            request.header("Idempotency-Key", order.orderId());
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ChargeFailedException("POST " + charges + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChargeFailedException("interrupted while charging " + order.orderId(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ChargeFailedException("POST " + charges + " answered " + response.statusCode() + ": "
                    + response.body(), null);
        }
        try {
            return JsonNode.parser().parse(response.body()).field("chargeId").map(JsonNode::asString)
                    .orElseThrow(() -> new ChargeFailedException("the provider's answer has no chargeId: "
                            + response.body(), null));
        } catch (RuntimeException unreadable) {
            throw new ChargeFailedException("the provider's answer is not JSON: " + response.body(), unreadable);
        }
    }
}
