package dev.simstack.assertions;

import static dev.simstack.assertions.SimStackAssertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.junit.Api;
import dev.simstack.junit.Burst;
import dev.simstack.junit.BurstResult;
import dev.simstack.junit.Function;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.Route;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The examples of docs/assertions.md, run as they are shown (AssertionsDocsTest checks the page shows them). */
// docs:stack-start
@SimStack(queues = {@Queue(name = "orders-dlq"),
                    @Queue(name = "orders", deadLetterQueue = "orders-dlq", maxReceiveCount = 1)},
          functions = @Function(name = "worker", handler = PoisonWorker.class,
                                sqsEvents = @SqsEvent(queue = "orders", batchSize = 1)),
          apis = @Api(name = "shop", routes = @Route(key = "POST /orders", queue = "orders"), rate = 1, burst = 2),
          clock = "manual", seed = 7)
class AssertionsExampleTest {
    // docs:stack-end

    @Test
    void a_poison_order_ends_in_the_dead_letter_queue(Stack stack, SqsClient sqs, @QueueUrl("orders") String orders) {
        // docs:poison-start
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"1\"}"));
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"poison\"}"));

        assertThat(stack).queue("orders").eventually().isEmpty();     // advances the manual clock until it holds
        assertThat(stack).queue("orders-dlq").hasDepth(1).containsExactlyBodies("{\"id\":\"poison\"}");
        assertThat(stack).function("worker").hasInvocations(2).hasErrors(1).wasInvokedByQueue("orders");
        // docs:poison-end
    }

    @Test
    void good_orders_are_processed_without_errors(Stack stack, SqsClient sqs, @QueueUrl("orders") String orders) {
        // docs:worker-start
        for (int id = 1; id <= 20; id++) {
            String body = "{\"id\":\"" + id + "\"}";
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody(body));
        }

        assertThat(stack).queue("orders").drainsWithin(Duration.ofMinutes(1));
        assertThat(stack).function("worker").hasInvocations(20).hasNoErrors().hasMaxConcurrencyAtMost(5);
        // docs:worker-end
    }

    @Test
    // docs:burst-start
    @Burst(api = "shop", route = "POST /orders", requests = 5, over = "1s", body = "{\"id\":\"${n}\"}")
    void the_throttle_lets_the_burst_through_and_no_more(BurstResult burst, Stack stack) {
        assertThat(burst).hasTotal(5).hasAccepted(2).hasThrottled(3).accountsForEveryRequest()
                .hasThrottledFractionBetween(0.5, 0.7).hasLatencyPercentileAtMost(99, Duration.ofMillis(100));
        assertThat(stack).api("shop").hasRequests(5).hasThrottled(3).hasStatusCount(200, 2);
    }
    // docs:burst-end

    @Test
    void soft_assertions_report_every_failure_at_once(Stack stack) {
        // docs:soft-start
        SimStackSoftAssertions softly = new SimStackSoftAssertions();
        softly.assertThat(stack).queue("orders").isEmpty();
        softly.assertThat(stack).queue("orders").deadLetterQueue().isEmpty();
        softly.assertThat(stack).function("worker").hasNoErrors();
        softly.assertAll();
        // docs:soft-end
    }
}
