package dev.simstack.sample;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.fixtures.HttpDependency;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.FailRegion;
import dev.simstack.junit.InRegion;
import dev.simstack.junit.SimStack;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A regional outage takes a region's endpoints down while the others serve; failing over is the application's
 * job. The app runs in us-east-1 and us-west-2 over one global table. While us-east-1 is down
 * ({@code @FailRegion}: its API answers 503), the client places orders in us-west-2, where they are paid; when
 * us-east-1 returns, replication catches up and every accepted order is PAID in both regions: none lost.
 */
@SimStack(template = "template.yaml", definition = SecondRegionDeployment.class,
        regions = {"us-east-1", OrdersApp.SECOND_REGION}, clock = "manual", seed = 2026)
class RegionOutageTest {

    private HttpDependency payments;

    @BeforeEach
    void deploy(Stack stack, LambdaClient lambda, @InRegion(OrdersApp.SECOND_REGION) LambdaClient west) {
        payments = Payments.start(stack, lambda);
        PaymentProviderStub.pointWorkerAt(west, payments.url().toString(), null);
        Map<String, String> api = new HashMap<>(west.getFunctionConfiguration(b -> b.functionName(OrdersApp.API))
                .environment().variables());
        api.put("ORDERS_QUEUE_URL", stack.queue(OrdersApp.SECOND_REGION, OrdersApp.QUEUE).url());
        west.updateFunctionConfiguration(b -> b.functionName(OrdersApp.API).environment(e -> e.variables(api)));
    }

    @AfterEach
    void closePayments() {
        payments.close();
    }

    @Test
    @FailRegion(value = "us-east-1", after = "1m", duration = "5m")
    void orders_placed_during_an_outage_fail_over_to_the_second_region_and_none_is_lost(Stack stack,
            @ApiUrl(OrdersApp.API) URI east, @InRegion(OrdersApp.SECOND_REGION) @ApiUrl(OrdersApp.API) URI west)
            throws Exception {
        FailoverOrdersClient client = new FailoverOrdersClient(new OrdersClient(east), new OrdersClient(west));
        String before = OrdersClient.field(client.place("key-1", OrdersClient.order("c-1", 1000, "EUR")), "orderId");
        Awaits.drained(stack);

        stack.clock().advance(Duration.ofMinutes(1));                      // us-east-1 goes down
        assertThat(new OrdersClient(east).place("key-2", OrdersClient.order("c-2", 2000, "EUR")).statusCode())
                .isEqualTo(503);
        HttpResponse<String> failedOver = client.place("key-2", OrdersClient.order("c-2", 2000, "EUR"));
        assertThat(failedOver.statusCode()).isEqualTo(202);
        String during = OrdersClient.field(failedOver, "orderId");
        Awaits.until(() -> assertThat(stack.queue(OrdersApp.SECOND_REGION, OrdersApp.QUEUE).depth().total()).isZero());

        stack.clock().advance(Duration.ofMinutes(5));                      // us-east-1 returns; replication catches up
        for (String region : new String[] {"us-east-1", OrdersApp.SECOND_REGION}) {
            for (String order : new String[] {before, during}) {
                Awaits.until(() -> assertThat(stack.table(region, OrdersApp.TABLE).item(Map.of("orderId", order)))
                        .hasValueSatisfying(item -> assertThat(item).containsEntry("status", "PAID")));
            }
        }
        assertThat(stack).delivery(OrdersApp.QUEUE).noneLost();
        assertThat(stack).idempotency().ofHttpCalls(Payments.NAME).keys(before, during).eachAppliedOnce();
    }
}
