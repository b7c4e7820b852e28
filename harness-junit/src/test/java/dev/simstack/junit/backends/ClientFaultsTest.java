package dev.simstack.junit.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.junit.FaultPlanFile;
import dev.simstack.junit.InjectFault;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Latency;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Table;
import dev.simstack.junit.Throttle;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.RequestThrottledException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Wire faults on a backend without the engine are applied on the injected clients, per attempt: the SDK's retries
 * and the test meet the error the engine would answer, the delay, the reset; calls a fault answers never reach
 * the backend. The fixtures leave {@code backend} at its default, so the same class runs on the engine too.
 */
class ClientFaultsTest {

    @Test
    void throttled_sends_fail_on_the_client_and_the_sdk_retries_them() {
        try (StandIn standIn = new StandIn()) {
            Kit.assertPassed(Kit.run(standIn.asEndpoint(), ThrottledSends.class), 3);
            // Each send that was answered reached the stand-in once: the throttled attempts never left the client.
            assertThat(standIn.requests("SendMessage")).isEqualTo(2);
        }
    }

    @Test
    void the_same_class_sees_the_same_errors_on_the_engine() {
        Kit.assertPassed(Kit.run(Map.of(), ThrottledSends.class), 3);
    }

    @Test
    void errors_latency_and_resets_reach_the_injected_clients() {
        try (StandIn standIn = new StandIn()) {
            Kit.assertPassed(Kit.run(standIn.asEndpoint(), OtherFaults.class), 4);
            assertThat(standIn.requests("PutItem")).isZero();
        }
    }

    @Test
    void the_picks_replay_from_the_classs_seed() {
        try (StandIn first = new StandIn(); StandIn second = new StandIn()) {
            Kit.assertPassed(Kit.run(first.asEndpoint(), ByChance.class), 1);
            Kit.assertPassed(Kit.run(second.asEndpoint(), ByChance.class), 1);
            // Each of 20 writes refused with p=0.5, drawn from the class's seed: the same ones reach each stand-in.
            assertThat(first.writtenKeys()).hasSizeBetween(1, 19).isEqualTo(second.writtenKeys());
        }
    }

    @Test
    void a_truncated_answer_makes_the_sdk_send_again() {
        try (StandIn standIn = new StandIn()) {
            Kit.assertPassed(Kit.run(standIn.asEndpoint(), Truncated.class), 1);
            assertThat(standIn.requests("SendMessage")).isEqualTo(2); // the service ran the cut-off attempt too
        }
    }

    @Test
    void a_plan_files_rules_apply_on_the_client() {
        try (StandIn standIn = new StandIn()) {
            Kit.assertPassed(Kit.run(standIn.asEndpoint(), PlanFile.class), 1);
            assertThat(standIn.requests("SendMessage")).isEqualTo(1);
        }
    }

    // docs:client-faults-start
    @SimStack(queues = @Queue(name = "orders"))
    static class ThrottledSends {

        @Test
        @Throttle(service = "sqs", operation = "SendMessage", times = 2)
        void the_sdk_retries_two_throttled_sends(SqsClient sqs, @QueueUrl("orders") String orders) {
            assertThat(sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-1")).messageId()).isNotEmpty();
        }

        @Test
        @Throttle(service = "sqs", operation = "SendMessage", resource = "orders")
        void a_send_throttled_on_every_attempt_reaches_the_test(SqsClient sqs, @QueueUrl("orders") String orders) {
            assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-2")))
                    .isInstanceOfSatisfying(RequestThrottledException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestThrottled");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Request is throttled.");
                        assertThat(e.isThrottlingException()).isTrue();
                        assertThat(e.numAttempts()).isGreaterThan(1); // the SDK retried it
                    });
        }
        // docs:client-faults-end

        @Test
        @Throttle(service = "sqs", operation = "SendMessage", resource = "invoices")
        void a_rule_for_another_queue_leaves_this_one_alone(SqsClient sqs, @QueueUrl("orders") String orders) {
            assertThat(sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-3")).messageId()).isNotEmpty();
        }
    }

    @SimStack(queues = @Queue(name = "orders"), tables = @Table(name = "orders", partitionKey = "id"))
    static class OtherFaults {

        @Test
        @InjectFault(service = "dynamodb", operation = "PutItem", error = "internal")
        void an_internal_error_is_retried_then_thrown(DynamoDbClient dynamo) {
            assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("orders")
                    .item(Map.of("id", AttributeValue.fromS("o-1")))))
                    .isInstanceOfSatisfying(InternalServerErrorException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
                    });
        }

        @Test
        @InjectFault(service = "sqs", operation = "SendMessage", error = "InvalidParameterValue", status = 400,
                message = "Value for parameter MessageBody is invalid.", times = 1)
        void a_client_error_is_not_retried(SqsClient sqs, @QueueUrl("orders") String orders) {
            assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-1")))
                    .isInstanceOfSatisfying(SqsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Value for parameter MessageBody is invalid.");
                        assertThat(e.numAttempts()).isEqualTo(1);
                    });
        }

        @Test
        @Latency(service = "sqs", operation = "SendMessage", resource = "orders", value = "300ms")
        void a_latency_takes_wall_time(SqsClient sqs, @QueueUrl("orders") String orders) {
            long start = System.nanoTime();
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-1"));
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
        }

        @Test
        @InjectFault(service = "sqs", operation = "ReceiveMessage", wire = "reset", times = 1)
        void a_reset_connection_is_retried(SqsClient sqs, @QueueUrl("orders") String orders) {
            assertThat(sqs.receiveMessage(b -> b.queueUrl(orders)).sdkHttpResponse().isSuccessful()).isTrue();
        }
    }

    @SimStack(tables = @Table(name = "orders", partitionKey = "id"), seed = 42)
    static class ByChance {

        @Test
        @InjectFault(service = "dynamodb", operation = "PutItem", error = "ValidationException", status = 400,
                probability = 0.5)
        void writes(DynamoDbClient dynamo) {
            for (int i = 0; i < 20; i++) {
                String id = "o-" + i;
                try {
                    dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS(id))));
                } catch (DynamoDbException e) {
                    // refused, not retried: the stand-in's ledger says which were written
                }
            }
        }
    }

    @SimStack(queues = @Queue(name = "orders"))
    static class Truncated {

        @Test
        @InjectFault(service = "sqs", operation = "SendMessage", wire = "truncate", times = 1)
        void sends_once(SqsClient sqs, @QueueUrl("orders") String orders) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-1"));
        }
    }

    @SimStack(queues = @Queue(name = "orders"))
    @FaultPlanFile("throttled-sends.yaml")
    static class PlanFile {

        @Test
        void sends_once(SqsClient sqs, @QueueUrl("orders") String orders) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-1")); // throttled twice, then answered
        }
    }
}
