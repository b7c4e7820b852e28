package dev.simstack.sample;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.simstack.core.Stack;
import dev.simstack.junit.ApiUrl;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The orders table is a global table: an order and its PAID status reach the second region. */
@OrdersApp
class SecondRegionTest {

    @RegisterExtension
    static WireMockExtension payments = PaymentProviderStub.server();

    @BeforeEach
    void payments(LambdaClient lambda) {
        PaymentProviderStub.chargesEveryOrder(payments);
        PaymentProviderStub.pointWorkerAt(lambda, payments.baseUrl(), null);
    }

    @Test
    void a_paid_order_is_replicated_to_the_second_region(Stack stack, @ApiUrl(OrdersApp.API) URI api)
            throws Exception {
        String orderId = OrdersClient.field(new OrdersClient(api).place("key-1", OrdersClient.order("c-1", 700,
                "EUR")), "orderId");
        assertThat(stack).queue(OrdersApp.QUEUE).eventually().isEmpty();

        stack.clock().advance(Duration.ofSeconds(5));   // past the replication lag
        assertThat(stack.table(OrdersApp.SECOND_REGION, OrdersApp.TABLE).item(Map.of("orderId", orderId)))
                .hasValueSatisfying(order -> assertThat(order).containsEntry("status", "PAID"));
    }
}
