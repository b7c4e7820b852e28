package dev.simstack.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.fixtures.HttpDependency;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.HotKeyThrottle;
import dev.simstack.junit.Throttle;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * DynamoDB throttles a request beyond a table's or a partition's throughput with
 * {@code ProvisionedThroughputExceededException}, and the SDK retries it with its throttling back-off. A short
 * throttle is absorbed by those retries: the worker never sees it. A hot key throttled past the SDK's last retry
 * fails the order's write; the message comes back and the order is paid then. Its charge was asked twice, with
 * the same {@code Idempotency-Key}: a conditional write cannot undo a call outside AWS, the provider's
 * idempotency key is what keeps it one charge. The retries are counted from the ledger, since SDK versions
 * retry differently.
 */
@OrdersApp
class DynamoDbThrottleTest {

    private HttpDependency payments;

    @BeforeEach
    void payments(Stack stack, LambdaClient lambda) {
        payments = Payments.start(stack, lambda);
    }

    @AfterEach
    void closePayments() {
        payments.close();
    }

    @Test
    @Throttle(service = "dynamodb", operation = "UpdateItem", resource = OrdersApp.TABLE, times = 2)
    void the_sdk_retries_a_throttled_write_and_the_worker_never_sees_it(Stack stack, @ApiUrl(OrdersApp.API) URI api)
            throws Exception {
        OrdersClient orders = new OrdersClient(api);
        String orderId = orders.placeAccepted("key-1", "c-1", 1000);
        Awaits.drained(stack);

        List<LedgerEntry.Request> updates = requests(stack, "UpdateItem");
        assertThat(updates).extracting(LedgerEntry.Request::errorCode)   // two throttled, the SDK's third try served
                .containsExactly("ProvisionedThroughputExceededException", "ProvisionedThroughputExceededException",
                        null);
        assertThat(orders.statusOf(orderId)).isEqualTo("PAID");
        assertThat(stack).function(OrdersApp.WORKER).hasInvocations(1).hasNoErrors();
        assertThat(stack).delivery(OrdersApp.QUEUE).hasNoDuplicateDeliveries().noneLost();
        assertThat(stack).idempotency().ofHttpCalls(Payments.NAME).eachKeyAppliedOnce();
    }

    @Test
    @HotKeyThrottle(table = OrdersApp.TABLE, rate = 1)
    void a_hot_key_throttled_past_the_sdks_retries_is_paid_on_the_next_delivery_charged_once(Stack stack,
            @ApiUrl(OrdersApp.API) URI api) throws Exception {
        OrdersClient orders = new OrdersClient(api);
        String orderId = orders.placeAccepted("key-1", "c-1", 1000); // the key's one write this second: PENDING

        Awaits.settled(stack);   // PAID refused on every try: the clock stands, the key's bucket stays empty
        int attempts = throttled(stack, "UpdateItem");
        stack.clock().advance(Awaits.VISIBILITY_TIMEOUT);                 // the bucket refills; the order is back
        Awaits.drained(stack);

        assertThat(attempts).as("the first try and the SDK's retries").isGreaterThan(1);
        assertThat(throttled(stack, "UpdateItem")).isEqualTo(attempts);
        assertThat(orders.statusOf(orderId)).isEqualTo("PAID");
        assertThat(stack).delivery(OrdersApp.QUEUE).hasDuplicateDeliveries(1).noneLost();
        payments.wireMock().verifyThat(2, postRequestedFor(urlEqualTo("/charges"))
                .withHeader("Idempotency-Key", equalTo(orderId)));           // asked twice, one charge at the provider
        assertThat(stack).idempotency().ofObjectWrites(OrdersApp.RECEIPTS).eachKeyAppliedOnce();
    }

    private static List<LedgerEntry.Request> requests(Stack stack, String operation) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream()
                .filter(request -> request.operation().equals(operation)).toList();
    }

    private static int throttled(Stack stack, String operation) {
        return (int) requests(stack, operation).stream().filter(request -> request.fault() != null).count();
    }
}
