package dev.simstack.sample;

import java.io.IOException;
import java.net.http.HttpResponse;

/**
 * A client of the orders API in two regions: it places an order in its primary region, and when that region does
 * not answer (a 5xx, or no connection) places it, with the same idempotency key, in the other, where the global
 * table holds the same orders. Failing over is the client's job, not AWS's.
 */
final class FailoverOrdersClient {

    private final OrdersClient primary;
    private final OrdersClient secondary;

    FailoverOrdersClient(OrdersClient primary, OrdersClient secondary) {
        this.primary = primary;
        this.secondary = secondary;
    }

    HttpResponse<String> place(String idempotencyKey, String body) throws IOException, InterruptedException {
        try {
            HttpResponse<String> answer = primary.place(idempotencyKey, body);
            if (answer.statusCode() < 500) {
                return answer;
            }
        } catch (IOException regionDown) {
            // no answer from the primary region: fall through to the other one
        }
        return secondary.place(idempotencyKey, body);
    }
}
