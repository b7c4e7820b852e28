package dev.simstack.assertions.ledger;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.SimClock;
import dev.simstack.core.Stack;
import dev.simstack.junit.Function;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import dev.simstack.junit.Table;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A failure names the invocations around each write: here the crashed one and its retry. */
@SimStack(queues = @Queue(name = "orders", visibilityTimeout = 30),
        tables = @Table(name = "payments", partitionKey = "paymentId"),
        functions = @Function(name = "worker", handler = ChargeThenCrashWorker.class, timeout = 10,
                sqsEvents = @SqsEvent(queue = "orders", batchSize = 1)),
        clock = "manual", seed = 14)
class RetriedInvocationTest {

    @Test
    void an_invocation_retried_after_its_side_effect_charges_twice(Stack stack, SimClock clock, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        String id = sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"orderId\":\"o-1\"}")).messageId();
        await().atMost(Duration.ofSeconds(10)).until(() -> stack.function("worker").invocations().size() == 1);
        clock.advance(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(10)).until(() -> stack.function("worker").invocations().size() == 2);
        List<LedgerEntry.Invocation> invocations = stack.function("worker").invocations();

        // The mapping deletes the message after the successful invocation's entry is written.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stack).delivery("orders").noneLost());
        assertThat(stack).delivery("orders").hasDuplicateDeliveries(1);
        assertThatThrownBy(() -> assertThat(stack).idempotency().ofItemWrites("payments").byAttribute("orderId")
                .eachKeyAppliedOnce())
                .hasMessageContaining("  orderId=o-1: applied 2 times, refused 0\n")
                .hasMessageContaining(" message " + id + " delivered (receive count 1) from sqs:us-east-1/orders\n")
                .hasMessageContaining(" PutItem dynamodb:us-east-1/payments paymentId=" + id + "/1: applied\n")
                .hasMessageContaining(" invocation " + invocations.get(0).requestId() + " of lambda:us-east-1/worker"
                        + " (trigger sqs:arn:aws:sqs:us-east-1:000000000000:orders, carried [" + id + "]) started at "
                        + invocations.get(0).start() + ", ended ERROR\n")
                .hasMessageContaining(" message " + id + " delivered (receive count 2) from sqs:us-east-1/orders\n")
                .hasMessageContaining(" PutItem dynamodb:us-east-1/payments paymentId=" + id + "/2: applied\n")
                .hasMessageContaining(" invocation " + invocations.get(1).requestId() + " of lambda:us-east-1/worker"
                        + " (trigger sqs:arn:aws:sqs:us-east-1:000000000000:orders, carried [" + id + "]) started at "
                        + invocations.get(1).start() + ", ended SUCCESS\n");
    }
}
