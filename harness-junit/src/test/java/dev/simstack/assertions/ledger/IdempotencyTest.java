package dev.simstack.assertions.ledger;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.SimClock;
import dev.simstack.core.Stack;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Idempotency under duplicate delivery: order o-1's visibility timeout ends before its first consumer deletes
 * it, so a second consumer gets it too, and both process it; order o-2 is delivered once.
 */
@SimStack(queues = @Queue(name = "orders", visibilityTimeout = 30),
        tables = {@Table(name = "payments", partitionKey = "paymentId"),
                  @Table(name = "charges", partitionKey = "orderId")},
        buckets = @Bucket(name = "receipts"),
        clock = "manual", seed = 14)
class IdempotencyTest {

    private SqsClient sqs;
    private String orders;
    private SimClock clock;
    private Instant start;
    private String redelivered;

    @BeforeEach
    void setUp(SqsClient sqs, @QueueUrl("orders") String orders, SimClock clock) {
        this.sqs = sqs;
        this.orders = orders;
        this.clock = clock;
        this.start = clock.now();
    }

    /** Delivers o-1 twice (both consumers process it, then delete), then o-2 once; {@code process} runs each. */
    private void deliverOrders(Consumer<Message> process) {
        // docs:duplicate-delivery-start
        String id = sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"orderId\":\"o-1\"}")).messageId();
        Message first = receiveOne();
        clock.advance(Duration.ofSeconds(31));
        Message second = receiveOne();
        for (Message message : List.of(first, second)) {
            process.accept(message);
            sqs.deleteMessage(b -> b.queueUrl(orders).receiptHandle(message.receiptHandle()));
        }
        // docs:duplicate-delivery-end
        redelivered = id;
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"orderId\":\"o-2\"}"));
        Message only = receiveOne();
        process.accept(only);
        sqs.deleteMessage(b -> b.queueUrl(orders).receiptHandle(only.receiptHandle()));
    }

    private Message receiveOne() {
        return sqs.receiveMessage(b -> b.queueUrl(orders)).messages().get(0);
    }

    @Test
    void a_naive_consumer_charges_a_redelivered_order_twice(Stack stack, DynamoDbClient dynamo) {
        deliverOrders(new PaymentConsumers.Naive(dynamo)::process);

        assertThatThrownBy(() -> {
            // docs:naive-start
            assertThat(stack).idempotency().ofItemWrites("payments").byAttribute("orderId").eachKeyAppliedOnce();
            // docs:naive-end
        }).hasMessage(Expected.of(stack, start).name("o-1", redelivered).text("""

                Expecting each key of the writes to dynamodb:us-east-1/payments by attribute orderId to be applied \
                exactly once, but 1 of 2 keys was not:
                  orderId=o-1: applied 2 times, refused 0
                    {#2} {t+0} message {o-1} delivered (receive count 1) from sqs:us-east-1/orders
                    {#4} {t+31} message {o-1} delivered (receive count 2) from sqs:us-east-1/orders
                    {#6} {t+31} PutItem dynamodb:us-east-1/payments paymentId=p-1: applied
                    {#9} {t+31} PutItem dynamodb:us-east-1/payments paymentId=p-2: applied
                Where to look: a consumer that applies its effect again for a redelivered message or a retried \
                invocation; make the write conditional (attribute_not_exists in DynamoDB, If-None-Match: * in S3) \
                so that a repeat is refused."""));
    }

    @Test
    void a_conditional_write_consumer_charges_each_order_once(Stack stack, DynamoDbClient dynamo) {
        deliverOrders(new PaymentConsumers.Conditional(dynamo)::process);

        // docs:conditional-start
        assertThat(stack).delivery("orders").noneLost().hasDuplicateDeliveries(1);
        assertThat(stack).idempotency().ofItemWrites("charges").eachKeyAppliedOnce();
        assertThat(stack).idempotency().ofItemWrites("charges").byAttribute("orderId").keys("o-1", "o-2")
                .eachAppliedOnce();
        // docs:conditional-end
    }

    @Test
    void a_key_never_written_was_applied_zero_times(Stack stack, DynamoDbClient dynamo) {
        deliverOrders(new PaymentConsumers.Conditional(dynamo)::process);

        assertThatThrownBy(() -> assertThat(stack).idempotency().ofItemWrites("charges").byAttribute("orderId")
                .keys("o-1", "o-3").eachAppliedOnce())
                .hasMessage(Expected.of(stack, start).text("""

                        Expecting each key of the writes to dynamodb:us-east-1/charges by attribute orderId to be \
                        applied exactly once, but 1 of 2 keys was not:
                          orderId=o-3: applied 0 times, refused 0
                        Where to look: a consumer that applies its effect again for a redelivered message or a \
                        retried invocation; make the write conditional (attribute_not_exists in DynamoDB, \
                        If-None-Match: * in S3) so that a repeat is refused."""));
    }

    @Test
    void item_keys_count_applied_and_refused_writes(Stack stack, DynamoDbClient dynamo) {
        deliverOrders(new PaymentConsumers.Conditional(dynamo)::process);

        assertThat(stack).idempotency().ofItemWrites("charges").byItemKey().keys("orderId=o-1").eachAppliedOnce();
        assertThatThrownBy(() -> assertThat(stack).idempotency().ofItemWrites("charges")
                .by(key -> "all").eachKeyAppliedOnce())
                .hasMessageContaining("  all: applied 2 times, refused 1\n");
    }

    @Test
    void receipts_written_again_for_a_redelivery_are_double_effects(Stack stack, S3Client s3) {
        deliverOrders(message -> PaymentConsumers.writeReceipt(s3, message, false));

        assertThatThrownBy(() -> assertThat(stack).idempotency().ofObjectWrites("receipts").eachKeyAppliedOnce())
                .hasMessage(Expected.of(stack, start).name("o-1", redelivered).text("""

                        Expecting each key of the writes to s3:us-east-1/receipts by object key to be applied \
                        exactly once, but 1 of 2 keys was not:
                          receipts/o-1.txt: applied 2 times, refused 0
                            {#2} {t+0} message {o-1} delivered (receive count 1) from sqs:us-east-1/orders
                            {#4} {t+31} message {o-1} delivered (receive count 2) from sqs:us-east-1/orders
                            {#6} {t+31} PutObject s3:us-east-1/receipts receipts/o-1.txt: applied
                            {#9} {t+31} PutObject s3:us-east-1/receipts receipts/o-1.txt: applied
                        Where to look: a consumer that applies its effect again for a redelivered message or a \
                        retried invocation; make the write conditional (attribute_not_exists in DynamoDB, \
                        If-None-Match: * in S3) so that a repeat is refused."""));
    }

    @Test
    void receipts_written_with_if_none_match_are_applied_once(Stack stack, S3Client s3) {
        deliverOrders(message -> PaymentConsumers.writeReceipt(s3, message, true));

        // docs:receipts-start
        assertThat(stack).idempotency().ofObjectWrites("receipts").eachKeyAppliedOnce();
        assertThat(stack).idempotency().ofObjectWrites("receipts")
                .by(key -> key.replaceAll("receipts/(.*)\\.txt", "$1")).keys("o-1", "o-2").eachAppliedOnce();
        // docs:receipts-end
    }
}
