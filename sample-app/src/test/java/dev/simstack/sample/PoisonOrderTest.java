package dev.simstack.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.simstack.core.Stack;
import dev.simstack.fixtures.HttpDependency;
import dev.simstack.junit.ApiUrl;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A poison message is one whose processing fails every time. The worker reports it in {@code batchItemFailures},
 * so only it comes back, after each visibility timeout; on the receive after its third (the queue's
 * {@code maxReceiveCount}) SQS moves it to the dead-letter queue, where it waits, receive count kept, while the
 * other orders are paid. Once the cause is fixed, {@code StartMessageMoveTask} redrives it to its queue and it is
 * paid: nothing was lost. Here the poison is an order in {@code XTS} (ISO 4217's code for tests), which the
 * payment provider declines until it is fixed.
 */
@OrdersApp
class PoisonOrderTest {

    private static MappingBuilder chargeInXts() {
        return post(urlEqualTo("/charges")).withRequestBody(matchingJsonPath("$.currency", equalTo("XTS")));
    }

    private HttpDependency payments;

    @BeforeEach
    void payments(Stack stack, LambdaClient lambda) {
        payments = Payments.start(stack, lambda);
        payments.stubFor(chargeInXts().willReturn(aResponse().withStatus(422)
                .withBody("{\"error\":\"currency XTS is not supported\"}")));
    }

    @AfterEach
    void closePayments() {
        payments.close();
    }

    @Test
    void a_poison_order_goes_to_the_dead_letter_queue_after_three_receives_and_is_paid_after_a_redrive(Stack stack,
            @ApiUrl(OrdersApp.API) URI api, SqsClient sqs) throws Exception {
        OrdersClient orders = new OrdersClient(api);
        String good = orders.placeAccepted("key-1", "c-1", 1000);
        String poison = OrdersClient.field(orders.place("key-2", OrdersClient.order("c-2", 1000, "XTS")), "orderId");

        for (int receive = 1; receive <= 3; receive++) {
            long deliveries = 1 + receive; // the good order once, the poison order at each receive
            Awaits.until(() -> assertThat(Awaits.delivered(stack)).isEqualTo(deliveries));
            Awaits.settled(stack);
            stack.clock().advance(Awaits.VISIBILITY_TIMEOUT); // it failed: back after the visibility timeout
        }
        Awaits.until(() -> assertThat(stack).queue(OrdersApp.DLQ).hasDepth(1));

        assertThat(stack.queue(OrdersApp.DLQ).peek().get(0).receiveCount()).isEqualTo(3);
        assertThat(orders.statusOf(good)).isEqualTo("PAID");
        assertThat(orders.statusOf(poison)).isEqualTo("PENDING");

        payments.stubFor(chargeInXts().willReturn(aResponse().withStatus(201)   // the provider is fixed
                .withHeader("Content-Type", "application/json").withBody("{\"chargeId\":\"ch-xts\"}")));
        sqs.startMessageMoveTask(b -> b.sourceArn(stack.queue(OrdersApp.DLQ).arn()));
        assertThat(stack).queue(OrdersApp.DLQ).eventually().isEmpty();       // the task moves it on the clock
        Awaits.drained(stack);

        assertThat(orders.statusOf(poison)).isEqualTo("PAID");
        assertThat(stack).delivery(OrdersApp.QUEUE).noneLost();
        assertThat(stack).idempotency().ofHttpCalls(Payments.NAME).eachKeyAppliedOnce();
    }
}
