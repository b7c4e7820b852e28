package dev.simstack.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.simstack.core.BucketHandle;
import dev.simstack.core.Stack;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.Named;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** An order placed through the API is charged once, marked PAID and gets its receipt. */
@OrdersApp
class HappyPathTest {

    @RegisterExtension
    static WireMockExtension payments = PaymentProviderStub.server();

    @BeforeEach
    void payments(LambdaClient lambda) {
        PaymentProviderStub.chargesEveryOrder(payments);
        PaymentProviderStub.pointWorkerAt(lambda, payments.baseUrl(), null);
    }

    @Test
    void an_accepted_order_is_charged_once_paid_and_receipted(Stack stack, @ApiUrl(OrdersApp.API) URI api,
            @Named(OrdersApp.RECEIPTS) BucketHandle receipts) throws Exception {
        OrdersClient orders = new OrdersClient(api);

        HttpResponse<String> placed = orders.place("key-1", OrdersClient.order("c-1", 1999, "EUR"));
        assertThat(placed.statusCode()).isEqualTo(202);
        assertThat(OrdersClient.field(placed, "status")).isEqualTo("PENDING");
        String orderId = OrdersClient.field(placed, "orderId");

        assertThat(stack).queue(OrdersApp.QUEUE).eventually().isEmpty();

        assertThat(OrdersClient.field(orders.status(orderId), "status")).isEqualTo("PAID");
        assertThat(new String(receipts.content("receipts/" + orderId + ".json"), UTF_8)).isEqualTo("{\"orderId\":\"" + orderId
                + "\",\"customerId\":\"c-1\",\"amount\":1999,\"currency\":\"EUR\",\"chargeId\":\"ch-" + orderId + "\"}");
        payments.verify(1, postRequestedFor(urlEqualTo("/charges")).withHeader("Idempotency-Key", equalTo(orderId)));
        assertThat(stack).queue(OrdersApp.DLQ).isEmpty();
        assertThat(stack).delivery(OrdersApp.QUEUE).noneLost();
        assertThat(stack).function(OrdersApp.WORKER).hasNoErrors();
    }

    @Test
    void an_unknown_order_is_not_found(@ApiUrl(OrdersApp.API) URI api) throws Exception {
        HttpResponse<String> answer = new OrdersClient(api).status("o-nope");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"message\":\"no order o-nope\"}");
    }
}
