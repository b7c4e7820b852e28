package dev.simstack.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.simstack.core.Stack;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.QueueUrl;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SQS delivers at least once: an order's message can come twice. The naive worker then charges it twice
 * and the idempotency check says so, naming the order; the app's worker charges it once.
 */
@OrdersApp
class DuplicateDeliveryTest {

    @RegisterExtension
    static WireMockExtension payments = PaymentProviderStub.server();

    private LambdaClient lambda;

    @BeforeEach
    void payments(LambdaClient lambda) {
        this.lambda = lambda;
        PaymentProviderStub.chargesEveryOrder(payments);
    }

    // docs:naive-twice-start
    @Test
    void the_naive_worker_charges_a_redelivered_order_twice(Stack stack, @ApiUrl(OrdersApp.API) URI api,
            SqsClient sqs, @QueueUrl(OrdersApp.QUEUE) String queue) throws Exception {
        PaymentProviderStub.pointWorkerAt(lambda, payments.baseUrl(), NaivePaymentWorker.class.getName());

        String orderId = placeAndDeliverTwice(stack, api, sqs, queue);

        payments.verify(2, postRequestedFor(urlEqualTo("/charges")).withRequestBody(containing(orderId)));
        assertThatThrownBy(() -> assertThat(stack).idempotency().ofObjectWrites(OrdersApp.RECEIPTS)
                .eachKeyAppliedOnce())
                .hasMessageContaining("Expecting each key of the writes to s3:us-east-1/" + OrdersApp.RECEIPTS
                        + " by object key to be applied exactly once, but 1 of 1 key was not:")
                .hasMessageContaining("receipts/" + orderId + ".json: applied 2 times, refused 0");
    }
    // docs:naive-twice-end

    // docs:worker-once-start
    @Test
    void the_payment_worker_charges_a_redelivered_order_once(Stack stack, @ApiUrl(OrdersApp.API) URI api,
            SqsClient sqs, @QueueUrl(OrdersApp.QUEUE) String queue) throws Exception {
        PaymentProviderStub.pointWorkerAt(lambda, payments.baseUrl(), null);

        String orderId = placeAndDeliverTwice(stack, api, sqs, queue);

        // Asked twice with the same key: the provider charges once (its idempotency), the receipt is written once.
        payments.verify(2, postRequestedFor(urlEqualTo("/charges")).withHeader("Idempotency-Key", equalTo(orderId)));
        assertThat(stack).idempotency().ofObjectWrites(OrdersApp.RECEIPTS).eachKeyAppliedOnce();
        assertThat(stack).delivery(OrdersApp.QUEUE).noneLost();
    }
    // docs:worker-once-end

    /**
     * Places an order and, once it is processed, sends its message again: a second delivery of the same order.
     * (The duplicate-delivery fault, {@code @DuplicateDelivery}, will replace the re-send: the queue itself will
     * then deliver the one message twice.)
     */
    // docs:deliver-twice-start
    private static String placeAndDeliverTwice(Stack stack, URI api, SqsClient sqs, String queue) throws Exception {
        HttpResponse<String> placed = new OrdersClient(api).place("key-1", OrdersClient.order("c-1", 2500, "EUR"));
        assertThat(placed.statusCode()).isEqualTo(202);
        assertThat(stack).queue(OrdersApp.QUEUE).eventually().isEmpty();

        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(placed.body()));   // the order's message, again
        assertThat(stack).queue(OrdersApp.QUEUE).eventually().isEmpty();
        return OrdersClient.field(placed, "orderId");
    }
    // docs:deliver-twice-end
}
