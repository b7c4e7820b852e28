package dev.simstack.junit.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Ledger;
import dev.simstack.core.LedgerEntry;
import dev.simstack.junit.InjectFault;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Latency;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Table;
import dev.simstack.junit.Throttle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.RequestThrottledException;

/**
 * Wire faults on the injected async clients of a remote backend: the future fails with the exception the sync
 * client throws (the SDK retries the same attempts), a latency delays the answer, a reset is retried, and the
 * picks come from the class's seed.
 */
class AsyncClientFaultsTest {

    @Test
    void faults_reach_the_async_clients_as_they_reach_the_sync_ones() {
        try (StandIn standIn = new StandIn()) {
            Kit.assertPassed(Kit.run(standIn.asEndpoint(), AsyncFaults.class), 5);
            // Throttled attempts never left the client; the retried send and the reset receive's retry did.
            assertThat(standIn.requests("SendMessage")).isEqualTo(2);
            assertThat(standIn.requests("PutItem")).isZero();
        }
    }

    @Test
    void the_same_seed_faults_the_same_async_writes() {
        try (StandIn first = new StandIn(); StandIn second = new StandIn()) {
            Kit.assertPassed(Kit.run(first.asEndpoint(), ByChance.class), 1);
            Kit.assertPassed(Kit.run(second.asEndpoint(), ByChance.class), 1);
            assertThat(first.writtenKeys()).hasSizeBetween(1, 19).isEqualTo(second.writtenKeys());
        }
    }

    @SimStack(queues = @Queue(name = "orders", receiveMessageWaitTimeSeconds = 0),
            tables = @Table(name = "orders", partitionKey = "id"))
    static class AsyncFaults {

        @Test
        @Throttle(service = "sqs", operation = "SendMessage", times = 2)
        void two_throttled_sends_are_retried_and_recorded(SqsAsyncClient sqs, @QueueUrl("orders") String orders,
                Ledger ledger) {
            int before = ledger.size();
            String id = sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-1")).join().messageId();

            assertThat(ledger.entries().stream().skip(before).toList()).extracting(Lines::of)
                    .containsExactly("SendMessage 400 RequestThrottled", "SendMessage 400 RequestThrottled",
                            "SendMessage 200 null", "SENT " + id);
        }

        @Test
        @Throttle(service = "sqs", operation = "SendMessage", resource = "orders")
        void a_send_throttled_on_every_attempt_fails_its_future(SqsAsyncClient sqs, @QueueUrl("orders") String orders) {
            CompletableFuture<?> send = sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-2"));
            assertThatThrownBy(send::join).isInstanceOf(CompletionException.class).cause()
                    .isInstanceOfSatisfying(RequestThrottledException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestThrottled");
                        assertThat(e.numAttempts()).isGreaterThan(1);
                    });
        }

        @Test
        @InjectFault(service = "dynamodb", operation = "PutItem", error = "internal")
        void an_internal_error_fails_the_future_with_the_modelled_exception(DynamoDbAsyncClient dynamo) {
            CompletableFuture<?> put = dynamo.putItem(b -> b.tableName("orders")
                    .item(Map.of("id", AttributeValue.fromS("o-1"))));
            assertThatThrownBy(put::join).cause().isInstanceOfSatisfying(InternalServerErrorException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(500));
        }

        @Test
        @Latency(service = "sqs", operation = "SendMessage", resource = "orders", value = "300ms")
        void a_latency_delays_the_answer(SqsAsyncClient sqs, @QueueUrl("orders") String orders) {
            long start = System.nanoTime();
            CompletableFuture<?> send = sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-3"));
            long returned = (System.nanoTime() - start) / 1_000_000;
            send.join();
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
            assertThat(returned).as("ms until the call returned its future").isLessThan(300);
        }

        @Test
        @InjectFault(service = "sqs", operation = "ReceiveMessage", wire = "reset")
        void a_reset_on_every_attempt_fails_the_future_with_the_clients_error(SqsAsyncClient sqs,
                @QueueUrl("orders") String orders) {
            assertThatThrownBy(sqs.receiveMessage(b -> b.queueUrl(orders))::join).cause()
                    .isInstanceOf(SdkClientException.class).hasMessageContaining("Connection reset");
        }
    }

    /** Short lines for what a ledger holds. */
    static final class Lines {
        static String of(LedgerEntry entry) {
            if (entry instanceof LedgerEntry.Request request) {
                return request.operation() + " " + request.status() + " " + request.errorCode();
            }
            return entry instanceof LedgerEntry.Message message ? message.kind() + " " + message.messageId()
                    : entry.toString();
        }
    }

    @SimStack(tables = @Table(name = "orders", partitionKey = "id"), seed = 42)
    static class ByChance {

        @Test
        @InjectFault(service = "dynamodb", operation = "PutItem", error = "ValidationException", status = 400,
                probability = 0.5)
        void writes(DynamoDbAsyncClient dynamo) {
            List<CompletableFuture<?>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String id = "o-" + i;
                // One at a time: the picks follow the order of the calls, as on the engine.
                CompletableFuture<?> write = dynamo.putItem(b -> b.tableName("orders")
                        .item(Map.of("id", AttributeValue.fromS(id)))).exceptionally(refused -> null);
                write.join();
                writes.add(write);
            }
            assertThat(writes).hasSize(20);
        }
    }
}
