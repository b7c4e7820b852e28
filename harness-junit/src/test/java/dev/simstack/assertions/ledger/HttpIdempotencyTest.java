package dev.simstack.assertions.ledger;

import static com.github.tomakehurst.wiremock.client.WireMock.created;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.fixtures.HttpDependency;
import dev.simstack.fixtures.HttpDependencySpec;
import dev.simstack.fixtures.RequestKey;
import dev.simstack.junit.Function;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import dev.simstack.junit.Table;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Idempotency counted from the calls to an HTTP dependency: each order sent twice (a producer re-sending it) is
 * charged once by a worker that records the order conditionally first, and twice by a naive one.
 */
@SimStack(queues = {@Queue(name = "orders"), @Queue(name = "orders-once")},
        tables = @Table(name = "charges", partitionKey = "orderId"),
        functions = {@Function(name = "naive", handler = ChargeWorkers.Naive.class,
                        sqsEvents = @SqsEvent(queue = "orders", batchSize = 1)),
                     @Function(name = "once", handler = ChargeWorkers.Once.class,
                        sqsEvents = @SqsEvent(queue = "orders-once", batchSize = 1))},
        clock = "manual", seed = 14)
class HttpIdempotencyTest {

    private HttpDependency payments;

    @BeforeEach
    void startPayments(Stack stack, LambdaClient lambda) {
        // docs:payments-start
        payments = HttpDependency.start(stack, HttpDependencySpec.named("payments")
                .withBusinessKey(RequestKey.header("Idempotency-Key")));
        payments.stubFor(post("/charges").willReturn(created()));
        for (String function : List.of("naive", "once")) {
            lambda.updateFunctionConfiguration(b -> b.functionName(function)
                    .environment(e -> e.variables(Map.of("PAYMENTS_URL", payments.url().toString()))));
        }
        // docs:payments-end
    }

    @AfterEach
    void stopPayments() {
        payments.close();
    }

    /** Sends o-1, o-1 again, then o-2, each once the previous one was charged (or skipped). */
    private static void sendOrders(Stack stack, SqsClient sqs, String queue, String function) {
        int sent = 0;
        for (String orderId : List.of("o-1", "o-1", "o-2")) {
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"orderId\":\"" + orderId + "\"}"));
            int invoked = ++sent;
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stack.function(function).invocations().size() == invoked);
        }
    }

    @Test
    void a_worker_that_records_the_order_first_charges_each_order_once(Stack stack, SqsClient sqs,
            @QueueUrl("orders-once") String orders) {
        sendOrders(stack, sqs, orders, "once");

        // docs:charged-once-start
        assertThat(stack).idempotency().ofHttpCalls("payments").eachKeyAppliedOnce();
        assertThat(stack).idempotency().ofHttpCalls("payments").keys("o-1", "o-2").eachAppliedOnce();
        // docs:charged-once-end
    }

    @Test
    void a_naive_worker_charges_a_re_sent_order_twice(Stack stack, SqsClient sqs, @QueueUrl("orders") String orders) {
        sendOrders(stack, sqs, orders, "naive");
        List<LedgerEntry.HttpCall> calls = payments.calls();
        List<LedgerEntry.Invocation> invocations = stack.function("naive").invocations();

        assertThatThrownBy(() -> assertThat(stack).idempotency().ofHttpCalls("payments").eachKeyAppliedOnce())
                .hasMessageStartingWith("""

                        Expecting each key of the calls to HTTP dependency payments by business key to be applied \
                        exactly once (one call answered 2xx), but 1 of 2 keys was not:
                          o-1: applied 2 times, failed 0
                        """)
                .hasMessageContaining(call(calls.get(0)) + "\n")
                .hasMessageContaining(" invocation " + invocations.get(0).requestId() + " of lambda:us-east-1/naive"
                        + " (trigger sqs:arn:aws:sqs:us-east-1:000000000000:orders, carried ["
                        + invocations.get(0).carried().get(0) + "]) started at " + invocations.get(0).start()
                        + ", ended SUCCESS\n")
                .hasMessageContaining(call(calls.get(1)) + "\n")
                .hasMessageNotContaining("o-2")
                .hasMessageNotContaining(invocations.get(2).requestId())
                .hasMessageEndingWith("""
                        Where to look: a consumer that calls again for a redelivered or re-sent message or a retried \
                        invocation; record the key conditionally before calling (attribute_not_exists in DynamoDB) \
                        and skip the call when it is already there, or send it as the provider's idempotency key.""");
    }

    @Test
    void failed_calls_are_counted_apart_from_the_one_that_succeeded(Stack stack) {
        stack.ledger().recordHttpCall("payments", "POST", "/charges", "o-1", 503, "server error 503");
        stack.ledger().recordHttpCall("payments", "POST", "/charges", "o-1", 201, null);

        assertThat(stack).idempotency().ofHttpCalls("payments").eachKeyAppliedOnce();
        stack.ledger().recordHttpCall("payments", "POST", "/charges", "o-1", 0, "connection reset");
        assertThatThrownBy(() -> assertThat(stack).idempotency().ofHttpCalls("payments").keys("o-1", "o-3")
                .eachAppliedOnce())
                .hasMessageContaining("  o-3: applied 0 times, failed 0\n");
    }

    @Test
    void a_dependency_never_called_is_named_with_those_that_were(Stack stack) {
        stack.ledger().recordHttpCall("payments", "POST", "/charges", "o-1", 201, null);

        assertThatThrownBy(() -> assertThat(stack).idempotency().ofHttpCalls("paymnts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the ledger holds no call to an HTTP dependency named 'paymnts'; it holds calls to"
                        + " payments. Check the name given to HttpDependency.start, and that the calls were made.");
    }

    /** A call as a failure's timeline shows it. */
    private static String call(LedgerEntry.HttpCall call) {
        return "#" + call.sequence() + " " + call.at() + " POST /charges to HTTP dependency payments key "
                + call.businessKey() + ": 201";
    }
}
