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
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Writes keyed by the body of the message their invocation carried: each worker crashes after its write on a
 * message's first delivery, so the message is received again and the write made again, under a new payment id
 * by the naive worker, refused by the conditional one.
 */
@SimStack(queues = {@Queue(name = "orders", visibilityTimeout = 30),
                    @Queue(name = "checkouts", visibilityTimeout = 30),
                    @Queue(name = "refunds")},
        tables = {@Table(name = "payments", partitionKey = "paymentId"),
                  @Table(name = "charges", partitionKey = "orderId"),
                  @Table(name = "refunds", partitionKey = "refundId")},
        functions = {@Function(name = "naive", handler = ChargeThenCrashWorker.class, timeout = 10,
                             sqsEvents = @SqsEvent(queue = "orders", batchSize = 1)),
                     @Function(name = "conditional", handler = ConditionalChargeThenCrashWorker.class, timeout = 10,
                             sqsEvents = @SqsEvent(queue = "checkouts", batchSize = 1))},
        clock = "manual", seed = 14)
class MessageBodyKeyTest {

    /** The value of a top-level JSON string field, as a test would read it (the bodies here are flat). */
    static String jsonField(String body, String field) {
        return body.replaceAll(".*\"" + field + "\"\\s*:\\s*\"([^\"]*)\".*", "$1");
    }

    /** Sends {@code {"orderId":"o-1"}} to {@code queue} and lets its worker crash once and retry. */
    private static void deliverTwice(Stack stack, SimClock clock, SqsClient sqs, String queue, String function) {
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"orderId\":\"o-1\"}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> stack.function(function).invocations().size() == 1);
        clock.advance(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(10)).until(() -> stack.function(function).invocations().size() == 2);
    }

    @Test
    void a_naive_worker_fails_naming_the_business_key_read_from_the_body(Stack stack, SimClock clock,
            SqsClient sqs, @QueueUrl("orders") String orders) {
        deliverTwice(stack, clock, sqs, orders, "naive");

        // Each write has an item key of its own: only the message body tells they were for one order.
        assertThat(stack).idempotency().ofItemWrites("payments").eachKeyAppliedOnce();
        assertThatThrownBy(() -> {
            // docs:by-message-body-start
            assertThat(stack).idempotency().ofItemWrites("payments")
                    .byMessageBody(body -> jsonField(body, "orderId")).eachKeyAppliedOnce();
            // docs:by-message-body-end
        }).hasMessageStartingWith("""

                Expecting each key of the writes to dynamodb:us-east-1/payments by a function of the message body \
                to be applied exactly once, but 1 of 1 key was not:
                  o-1: applied 2 times, refused 0
                """)
                .hasMessageContaining(" invocation " + stack.function("naive").invocations().get(0).requestId())
                .hasMessageContaining(" invocation " + stack.function("naive").invocations().get(1).requestId());
    }

    @Test
    void a_conditional_worker_passes_with_the_retry_refused(Stack stack, SimClock clock, SqsClient sqs,
            @QueueUrl("checkouts") String checkouts) {
        deliverTwice(stack, clock, sqs, checkouts, "conditional");

        assertThat(stack).idempotency().ofItemWrites("charges")
                .byMessageBody(body -> jsonField(body, "orderId")).keys("o-1").eachAppliedOnce();
        assertThatThrownBy(() -> assertThat(stack).idempotency().ofItemWrites("charges")
                .byMessageBody(body -> "all").keys("all", "o-1").eachAppliedOnce())
                .hasMessageContaining("  o-1: applied 0 times, refused 0\n")
                .hasMessageNotContaining("  all:");
    }

    @Test
    void a_write_outside_any_invocation_has_no_message_body_to_key_it(Stack stack, SqsClient sqs,
            DynamoDbClient dynamo, @QueueUrl("refunds") String refunds) {
        sqs.sendMessage(b -> b.queueUrl(refunds).messageBody("{\"orderId\":\"o-7\"}"));
        sqs.receiveMessage(b -> b.queueUrl(refunds));
        dynamo.putItem(b -> b.tableName("refunds").item(Map.of("refundId", AttributeValue.fromS("r-1"))));
        LedgerEntry.ItemWrite write = stack.ledger().entries(LedgerEntry.ItemWrite.class).get(0);

        assertThatThrownBy(() -> assertThat(stack).idempotency().ofItemWrites("refunds")
                .byMessageBody(body -> jsonField(body, "orderId")).eachKeyAppliedOnce())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("byMessageBody cannot key #" + write.sequence() + " " + write.at()
                        + " PutItem dynamodb:us-east-1/refunds refundId=r-1: applied: no invocation that carried"
                        + " messages was running at it (a consumer of the test's own, or a function not triggered"
                        + " by a queue), so no message body is known for it; key the writes by an attribute of the"
                        + " item (byAttribute) or by a function of the written key (by) instead.");
    }
}
