package dev.simstack.junit.faults.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.DocSnippets;
import dev.simstack.junit.DuplicateNotification;
import dev.simstack.junit.HotKeyThrottle;
import dev.simstack.junit.Kit;
import dev.simstack.junit.LateNotification;
import dev.simstack.junit.Notification;
import dev.simstack.junit.Queue;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SimStackClients;
import dev.simstack.junit.SlowDown;
import dev.simstack.junit.Table;
import dev.simstack.junit.TransactionConflict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code @HotKeyThrottle}, {@code @TransactionConflict}, {@code @SlowDown}, {@code @DuplicateNotification} and
 * {@code @LateNotification} through the JUnit Platform: what the SDK sees, the attempts the ledger counts, the
 * messages the notified queue holds, the same every run of a seed, and only in the tests that declare them.
 */
class DataFaultAnnotationsTest {

    @Test
    void dynamodb_fault_annotations_throttle_a_hot_key_and_cancel_a_transaction() {
        Kit.assertPassed(Kit.run(Orders.class), 3);
    }

    @Test
    void s3_fault_annotations_slow_down_a_prefix_and_deliver_notifications_twice_or_late() {
        Kit.assertPassed(Kit.run(Uploads.class), 4);
    }

    @Test
    void an_unknown_table_is_refused_naming_the_declared_ones() {
        EngineExecutionResults results = Kit.run(UnknownTable.class);

        assertThat(Kit.failureMessages(results)).singleElement().asString().contains("invoices").contains("orders");
    }

    @Test
    void the_faults_page_shows_the_examples() {
        for (String snippet : List.of("hot-key-throttle", "transaction-conflict", "s3-slow-down",
                "duplicate-notification", "late-notification")) {
            DocSnippets.assertShows("docs/faults.md", DataFaultAnnotationsTest.class, snippet);
        }
    }

    static void put(DynamoDbClient client, String id) {
        client.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS(id))));
    }

    static TransactWriteItem putAction(String id) {
        return TransactWriteItem.builder().put(p -> p.tableName("orders").item(Map.of("id", AttributeValue.fromS(id))))
                .build();
    }

    /** The requests a fault answered, as "operation status code". */
    static List<String> faulted(Stack stack) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream().filter(r -> r.fault() != null)
                .map(r -> r.operation() + " " + r.status() + " " + r.errorCode()).toList();
    }

    /** The keys of the S3 events the queue holds now, one per message. */
    static List<String> events(Stack stack, SqsClient sqs) {
        return sqs.receiveMessage(b -> b.queueUrl(stack.queue("uploaded").url()).maxNumberOfMessages(10)).messages()
                .stream().map(m -> m.body().replaceAll(".*\"key\":\"([^\"]*)\".*", "$1")).toList();
    }

    @SimStack(clock = "manual", seed = 7, tables = @Table(name = "orders", partitionKey = "id"))
    static class Orders {

        // docs:hot-key-throttle-start
        @Test
        @HotKeyThrottle(table = "orders", key = "customer-1", rate = 1)
        void a_hot_key_is_throttled_beyond_its_rate(Stack stack) {
            try (DynamoDbClient dynamodb = SimStackClients.configure(DynamoDbClient.builder(), stack)
                    .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)).build()) {
                throttled(stack, dynamodb);
            }
        }

        private static void throttled(Stack stack, DynamoDbClient dynamodb) {
            put(dynamodb, "customer-1"); // the key's one write this second

            assertThatThrownBy(() -> put(dynamodb, "customer-1"))
                    .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.throttlingReasons().get(0).reason())
                                .isEqualTo("TableWriteKeyRangeThroughputExceeded");
                    });
            // the first try and the standard retry mode's two retries, each throttled
            assertThat(faulted(stack)).hasSize(3)
                    .containsOnly("PutItem 400 ProvisionedThroughputExceededException");

            put(dynamodb, "customer-2"); // other keys are served
            stack.clock().advance(Duration.ofSeconds(1)); // the key's bucket refills
            put(dynamodb, "customer-1");
        }
        // docs:hot-key-throttle-end

        // docs:transaction-conflict-start
        @Test
        @TransactionConflict(table = "orders", key = "o-2", times = 1)
        void a_transaction_meeting_another_is_cancelled(Stack stack, DynamoDbClient dynamodb) {
            assertThatThrownBy(() -> dynamodb.transactWriteItems(b -> b.transactItems(putAction("o-1"),
                    putAction("o-2")))).isInstanceOfSatisfying(TransactionCanceledException.class,
                            e -> assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                                    .containsExactly("None", "TransactionConflict"));
            assertThat(faulted(stack)).as("not retried by the SDK")
                    .containsExactly("TransactWriteItems 400 TransactionCanceledException");

            // the app's retry succeeds: the fault picked one write
            dynamodb.transactWriteItems(b -> b.transactItems(putAction("o-1"), putAction("o-2")));
        }
        // docs:transaction-conflict-end

        @Test
        void a_test_without_the_annotations_is_served(Stack stack, DynamoDbClient dynamodb) {
            for (int i = 0; i < 5; i++) {
                put(dynamodb, "customer-1");
            }
            dynamodb.transactWriteItems(b -> b.transactItems(putAction("o-2")));

            assertThat(faulted(stack)).isEmpty();
        }
    }

    @SimStack(clock = "manual", seed = 7, queues = @Queue(name = "uploaded"),
            buckets = @Bucket(name = "uploads", notifications = @Notification(queue = "uploaded")))
    static class Uploads {

        // docs:s3-slow-down-start
        @Test
        @SlowDown(bucket = "uploads", prefix = "images/", writeRate = 1)
        void writes_beyond_the_prefixs_rate_answer_slow_down(Stack stack) {
            try (S3Client s3 = SimStackClients.configure(S3Client.builder(), stack)
                    .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)).build()) {
                slowedDown(stack, s3);
            }
        }

        private static void slowedDown(Stack stack, S3Client s3) {
            s3.putObject(b -> b.bucket("uploads").key("images/1.png"), RequestBody.fromString("png"));

            assertThatThrownBy(() -> s3.putObject(b -> b.bucket("uploads").key("images/2.png"),
                    RequestBody.fromString("png"))).isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(503);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Please reduce your request rate.");
                    });
            assertThat(faulted(stack)).containsExactly("PutObject 503 SlowDown", "PutObject 503 SlowDown",
                    "PutObject 503 SlowDown");
        }
        // docs:s3-slow-down-end

        // docs:duplicate-notification-start
        @Test
        @DuplicateNotification(bucket = "uploads", times = 1)
        void the_first_event_reaches_the_queue_twice(Stack stack, S3Client s3, SqsClient sqs) {
            s3.putObject(b -> b.bucket("uploads").key("a.json"), RequestBody.fromString("{}"));
            s3.putObject(b -> b.bucket("uploads").key("b.json"), RequestBody.fromString("{}"));

            assertThat(events(stack, sqs)).containsExactlyInAnyOrder("a.json", "a.json", "b.json");
        }
        // docs:duplicate-notification-end

        // docs:late-notification-start
        @Test
        @LateNotification(bucket = "uploads", delay = "5m")
        void the_event_arrives_five_minutes_after_the_write(Stack stack, S3Client s3, SqsClient sqs) {
            s3.putObject(b -> b.bucket("uploads").key("a.json"), RequestBody.fromString("{}"));
            assertThat(events(stack, sqs)).isEmpty();

            stack.clock().advance(Duration.ofMinutes(5));
            assertThat(events(stack, sqs)).containsExactly("a.json");
        }
        // docs:late-notification-end

        @Test
        void a_test_without_the_annotations_gets_each_event_once_at_once(Stack stack, S3Client s3, SqsClient sqs) {
            s3.putObject(b -> b.bucket("uploads").key("images/a.png"), RequestBody.fromString("png"));
            s3.putObject(b -> b.bucket("uploads").key("images/b.png"), RequestBody.fromString("png"));

            assertThat(events(stack, sqs)).containsExactlyInAnyOrder("images/a.png", "images/b.png");
        }
    }

    @SimStack(tables = @Table(name = "orders", partitionKey = "id"))
    static class UnknownTable {

        @Test
        @HotKeyThrottle(table = "invoices", rate = 1)
        void refused() {
        }
    }
}
