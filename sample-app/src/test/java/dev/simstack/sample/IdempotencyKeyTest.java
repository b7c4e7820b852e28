package dev.simstack.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.simstack.core.Stack;
import dev.simstack.core.TableHandle;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.Named;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** A client that repeats a request with the same Idempotency-Key gets the same order, charged once. */
@OrdersApp
class IdempotencyKeyTest {

    @RegisterExtension
    static WireMockExtension payments = PaymentProviderStub.server();

    @BeforeEach
    void payments(LambdaClient lambda) {
        PaymentProviderStub.chargesEveryOrder(payments);
        PaymentProviderStub.pointWorkerAt(lambda, payments.baseUrl(), null);
    }

    // docs:same-key-start
    @Test
    void a_repeated_key_answers_the_same_order_and_charges_it_once(Stack stack, @ApiUrl(OrdersApp.API) URI api,
            @Named(OrdersApp.TABLE) TableHandle table) throws Exception {
        OrdersClient orders = new OrdersClient(api);
        String order = OrdersClient.order("c-1", 500, "EUR");

        HttpResponse<String> first = orders.place("key-1", order);
        HttpResponse<String> again = orders.place("key-1", order);

        assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(202);
        String orderId = OrdersClient.field(first, "orderId");
        assertThat(OrdersClient.field(again, "orderId")).isEqualTo(orderId);
        assertThat(table.itemCount()).isEqualTo(1);

        // A repeat of a still PENDING order enqueues it again (whether it still is depends on how fast the worker
        // was), so the provider may be asked twice: always with the order's key, so it charges once.
        assertThat(stack).queue(OrdersApp.QUEUE).eventually().isEmpty();
        assertThat(OrdersClient.field(orders.status(orderId), "status")).isEqualTo("PAID");
        assertThat(stack).idempotency().ofObjectWrites(OrdersApp.RECEIPTS).eachKeyAppliedOnce();
        assertThat(payments.findAll(postRequestedFor(urlEqualTo("/charges")))).isNotEmpty()
                .allSatisfy(charge -> assertThat(charge.getHeader("Idempotency-Key")).isEqualTo(orderId));
    }
    // docs:same-key-end

    @Test
    void a_key_used_for_another_order_is_refused(@ApiUrl(OrdersApp.API) URI api) throws Exception {
        OrdersClient orders = new OrdersClient(api);
        orders.place("key-2", OrdersClient.order("c-1", 500, "EUR"));

        HttpResponse<String> other = orders.place("key-2", OrdersClient.order("c-1", 900, "EUR"));

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).isEqualTo("{\"message\":\"the Idempotency-Key key-2 was used for another order\"}");
    }
}
