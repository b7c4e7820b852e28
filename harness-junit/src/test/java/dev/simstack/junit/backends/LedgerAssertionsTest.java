package dev.simstack.junit.backends;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Ledger;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Table;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * On a remote backend, the delivery and idempotency assertions that read only what the injected clients saw work
 * from the injected Ledger ({@code assertThat(ledger)}); those that read what only the engine records fail before
 * asserting anything, naming the backend.
 */
class LedgerAssertionsTest {

    @Test
    void deliveries_and_effects_the_clients_saw_are_asserted_on_a_remote_backend() {
        try (StandIn standIn = new StandIn()) {
            Kit.assertPassed(Kit.run(standIn.asEndpoint(), FromTheClients.class), 4);
        }
    }

    @Test
    void what_only_the_engine_records_fails_naming_the_backend() {
        try (StandIn standIn = new StandIn()) {
            String backend = "NeedsTheEngine's ledger cannot hold: it runs on backend ENDPOINT " + standIn.endpoint()
                    + ", where the ledger holds only what the test's own clients saw. Pin the class with"
                    + " @SimStack(backend = Backend.EMBEDDED) and assert on the stack there";
            assertThat(Kit.failureMessages(Kit.run(standIn.asEndpoint(), NeedsTheEngine.class)))
                    .containsExactlyInAnyOrder(
                            "delivery(\"orders\").noneLost() reads the moves to dead-letter queues, expiries and purges"
                                    + " the service made, and the Lambda invocations that carried each message, which "
                                    + backend,
                            "byAttribute(\"orderId\") reads the items as they are now in table payments (the ledger"
                                    + " records only keys), which " + backend,
                            "byMessageBody(..) reads which Lambda invocation carried which message, which " + backend);
        }
    }

    // docs:ledger-assertions-start
    @SimStack(queues = {@Queue(name = "orders", receiveMessageWaitTimeSeconds = 0),
            @Queue(name = "steps.fifo", contentBasedDeduplication = true, receiveMessageWaitTimeSeconds = 0)},
            tables = @Table(name = "payments", partitionKey = "orderId"), buckets = @Bucket(name = "receipts"))
    static class FromTheClients {

        @Test
        void a_message_received_twice_is_a_duplicate_delivery(SqsClient sqs, @QueueUrl("orders") String orders,
                Ledger ledger) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-1"));
            sqs.receiveMessage(b -> b.queueUrl(orders).visibilityTimeout(0));
            String receipt = sqs.receiveMessage(b -> b.queueUrl(orders)).messages().get(0).receiptHandle();
            sqs.deleteMessage(b -> b.queueUrl(orders).receiptHandle(receipt));

            assertThat(ledger).delivery("orders").hasDuplicateDeliveries(1).deliveredAtMostTimes(2)
                    .hasEndToEndLatencyAtMost(Duration.ofMinutes(1));
            assertThatThrownBy(() -> assertThat(ledger).delivery("orders").hasNoDuplicateDeliveries())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("delivered 2 times");
            assertThatThrownBy(() -> assertThat(ledger).delivery("invoices"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the ledger knows no sqs resource named 'invoices'; it knows orders, steps.fifo");
        }

        @Test
        void a_conditional_write_applies_each_key_once(DynamoDbClient dynamo, Ledger ledger) {
            Map<String, AttributeValue> item = Map.of("orderId", AttributeValue.fromS("o-1"));
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    dynamo.putItem(b -> b.tableName("payments").item(item)
                            .conditionExpression("attribute_not_exists(orderId)"));
                } catch (ConditionalCheckFailedException refused) {
                    // the idempotent consumer's second write
                }
            }
            assertThat(ledger).idempotency().ofItemWrites("payments").eachKeyAppliedOnce();
        }
        // docs:ledger-assertions-end

        @Test
        void a_fifo_queues_groups_are_delivered_in_order(SqsClient sqs, @QueueUrl("steps.fifo") String steps,
                Ledger ledger) {
            for (String step : List.of("paid", "packed", "shipped")) {
                sqs.sendMessage(b -> b.queueUrl(steps).messageBody(step).messageGroupId("order-1"));
            }
            List<Message> received = sqs.receiveMessage(b -> b.queueUrl(steps).maxNumberOfMessages(10)).messages();
            received.forEach(message -> sqs.deleteMessage(b -> b.queueUrl(steps)
                    .receiptHandle(message.receiptHandle())));

            assertThat(received).extracting(Message::body).containsExactly("paid", "packed", "shipped");
            assertThat(ledger).delivery("steps.fifo").preservesOrderPerMessageGroup().hasNoDuplicateDeliveries();
        }

        @Test
        void an_object_written_twice_fails_the_idempotency_check(S3Client s3, Ledger ledger) {
            s3.putObject(b -> b.bucket("receipts").key("r-1"), RequestBody.fromString("paid"));
            s3.putObject(b -> b.bucket("receipts").key("r-1"), RequestBody.fromString("paid"));

            assertThatThrownBy(() -> assertThat(ledger).idempotency().ofObjectWrites("receipts").eachKeyAppliedOnce())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("r-1: applied 2 times");
        }
    }

    @SimStack(queues = @Queue(name = "orders"), tables = @Table(name = "payments", partitionKey = "orderId"))
    static class NeedsTheEngine {

        @Test
        void noneLost(Ledger ledger) {
            assertThat(ledger).delivery("orders").noneLost();
        }

        @Test
        void byAttribute(Ledger ledger) {
            assertThat(ledger).idempotency().ofItemWrites("payments").byAttribute("orderId");
        }

        @Test
        void byMessageBody(Ledger ledger) {
            assertThat(ledger).idempotency().ofItemWrites("payments").byMessageBody(body -> body);
        }
    }
}
