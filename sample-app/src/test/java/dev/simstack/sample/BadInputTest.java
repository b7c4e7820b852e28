package dev.simstack.sample;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.TableHandle;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.Named;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A bad request gets 400 with the reason, and nothing is stored or enqueued. */
@OrdersApp
class BadInputTest {

    @Test
    void each_bad_order_is_refused_with_its_reason(Stack stack, @ApiUrl(OrdersApp.API) URI api,
            @Named(OrdersApp.TABLE) TableHandle table) throws Exception {
        OrdersClient orders = new OrdersClient(api);

        assertRefused(orders.place("k", ""), "the body is empty; send {\"customerId\":..., \"amount\":..., "
                + "\"currency\":...}");
        assertRefused(orders.place("k", "{not json"), "the body is not JSON");
        assertRefused(orders.place("k", "[1,2]"), "the body is not a JSON object");
        assertRefused(orders.place("k", "{\"amount\":5,\"currency\":\"EUR\"}"), "customerId is missing");
        assertRefused(orders.place("k", OrdersClient.order("c-1", 0, "EUR")),
                "amount must be a whole number of cents from 1 to 1000000, got 0");
        assertRefused(orders.place("k", "{\"customerId\":\"c-1\",\"amount\":9.99,\"currency\":\"EUR\"}"),
                "amount must be a whole number of cents from 1 to 1000000, got 9.99");
        assertRefused(orders.place("k", OrdersClient.order("c-1", 5, "euro")),
                "currency must be an ISO 4217 code such as EUR, got 'euro'");
        assertRefused(orders.place(null, OrdersClient.order("c-1", 5, "EUR")),
                "the Idempotency-Key header is required (1 to 255 characters)");

        assertThat(table.itemCount()).isZero();
        assertThat(stack).queue(OrdersApp.QUEUE).isEmpty();
    }

    private static void assertRefused(HttpResponse<String> answer, String reason) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"message\":\"" + reason.replace("\"", "\\\"") + "\"}");
    }
}
