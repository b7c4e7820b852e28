package dev.simstack.junit.faults.lambda;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.InvocationOutcome;
import dev.simstack.core.SimClock;
import dev.simstack.core.Stack;
import dev.simstack.junit.CrashAfterEffect;
import dev.simstack.junit.Function;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import dev.simstack.junit.Table;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A crash after the handler's effects: its writes are applied, the invocation fails as a crashed runtime's does,
 * and the mapping's batch comes back after the visibility timeout, so a naive handler charges twice.
 */
class CrashAfterEffectTest {

    @Test
    void a_naive_handler_crashed_after_its_write_applies_it_again_on_the_redelivery() {
        Kit.assertPassed(Kit.run(NaiveWorker.class), 1);
    }

    @Test
    void a_conditional_write_applies_once_despite_the_redelivery() {
        Kit.assertPassed(Kit.run(ConditionalWorker.class), 1);
    }

    @Test
    void a_synchronous_invoke_answers_the_runtime_exit_error_and_the_next_start_is_cold() {
        Kit.assertPassed(Kit.run(SynchronousInvoke.class), 1);
    }

    @Test
    void only_the_batches_with_a_matching_body_crash() {
        Kit.assertPassed(Kit.run(MatchingBodies.class), 1);
    }

    @Test
    void the_same_seed_crashes_the_same_invocations() {
        Replay.RUNS.clear();
        Kit.assertPassed(Kit.run(Replay.class), 1);
        Kit.assertPassed(Kit.run(Replay.class), 1);

        assertThat(Replay.RUNS).hasSize(2);
        assertThat(Replay.RUNS.get(0)).contains(InvocationOutcome.ERROR, InvocationOutcome.SUCCESS)
                .isEqualTo(Replay.RUNS.get(1));
    }

    static String send(SqsClient sqs, String queue, String orderId) {
        return sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"orderId\":\"" + orderId + "\"}")).messageId();
    }

    static void awaitInvocations(Stack stack, String function, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> stack.function(function).invocations().size() >= count);
    }

    static List<Integer> receiveCounts(Stack stack, String messageId) {
        return stack.ledger().entries(LedgerEntry.Message.class).stream()
                .filter(m -> m.messageId().equals(messageId) && m.kind() == LedgerEntry.MessageEvent.DELIVERED)
                .map(LedgerEntry.Message::receiveCount).toList();
    }

    static List<InvocationOutcome> outcomes(Stack stack, String function) {
        return stack.function(function).invocations().stream().map(LedgerEntry.Invocation::outcome).toList();
    }

    @SimStack(queues = @Queue(name = "orders", visibilityTimeout = 30),
            tables = @Table(name = "payments", partitionKey = "paymentId"),
            functions = @Function(name = "worker", handler = ChargeHandlers.Naive.class, timeout = 10,
                    sqsEvents = @SqsEvent(queue = "orders", batchSize = 1)),
            clock = "manual", seed = 21)
    static class NaiveWorker {

        // docs:crash-after-effect-start
        @Test
        @CrashAfterEffect(function = "worker", times = 1)
        void charges_twice(Stack stack, SimClock clock, SqsClient sqs, DynamoDbClient dynamo,
                @QueueUrl("orders") String orders) {
            String id = send(sqs, orders, "o-1");
            awaitInvocations(stack, "worker", 1);
            assertThat(dynamo.scan(b -> b.tableName("payments")).count()).isEqualTo(1); // written, then crashed

            clock.advance(Duration.ofSeconds(31)); // the batch was not deleted: back after its visibility timeout
            awaitInvocations(stack, "worker", 2);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stack).delivery("orders").noneLost());

            assertThat(outcomes(stack, "worker")).containsExactly(InvocationOutcome.ERROR, InvocationOutcome.SUCCESS);
            assertThat(receiveCounts(stack, id)).containsExactly(1, 2);
            assertThatThrownBy(() -> assertThat(stack).idempotency().ofItemWrites("payments").byAttribute("orderId")
                    .eachKeyAppliedOnce())
                    .hasMessageContaining("  orderId=o-1: applied 2 times, refused 0\n");
        }
        // docs:crash-after-effect-end
    }

    @SimStack(queues = @Queue(name = "orders", visibilityTimeout = 30),
            tables = @Table(name = "payments", partitionKey = "paymentId"),
            functions = @Function(name = "worker", handler = ChargeHandlers.Conditional.class, timeout = 10,
                    sqsEvents = @SqsEvent(queue = "orders", batchSize = 1)),
            clock = "manual", seed = 21)
    static class ConditionalWorker {

        @Test
        @CrashAfterEffect(function = "worker", times = 1)
        void charges_once(Stack stack, SimClock clock, SqsClient sqs, @QueueUrl("orders") String orders) {
            String id = send(sqs, orders, "o-1");
            awaitInvocations(stack, "worker", 1);
            clock.advance(Duration.ofSeconds(31));
            awaitInvocations(stack, "worker", 2);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stack).delivery("orders").noneLost());

            assertThat(receiveCounts(stack, id)).containsExactly(1, 2);
            assertThat(stack).idempotency().ofItemWrites("payments").byAttribute("orderId").eachKeyAppliedOnce();
        }
    }

    @SimStack(functions = @Function(name = "echo", handler = ChargeHandlers.Echo.class), seed = 21)
    static class SynchronousInvoke {

        @Test
        @CrashAfterEffect(function = "echo", nth = 2)
        void second_invoke_crashes(Stack stack, LambdaClient lambda) {
            InvokeResponse first = invoke(lambda, "a");
            InvokeResponse second = invoke(lambda, "b");
            InvokeResponse third = invoke(lambda, "c");

            assertThat(first.payload().asUtf8String()).isEqualTo("\"A\"");
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(second.functionError()).isEqualTo("Unhandled");
            String requestId = stack.function("echo").invocations().get(1).requestId();
            assertThat(second.payload().asUtf8String()).isEqualTo("{\"errorMessage\":\"RequestId: " + requestId
                    + " Error: Runtime exited with error: exit status 1\",\"errorType\":\"Runtime.ExitError\"}");
            assertThat(third.payload().asUtf8String()).isEqualTo("\"C\"");
            assertThat(outcomes(stack, "echo")).containsExactly(InvocationOutcome.SUCCESS, InvocationOutcome.ERROR,
                    InvocationOutcome.SUCCESS);
            assertThat(stack).function("echo").hasErrors(1).hasColdStarts(2); // the crashed environment is gone
        }

        private static InvokeResponse invoke(LambdaClient lambda, String text) {
            return lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("\"" + text + "\"")));
        }
    }

    @SimStack(queues = @Queue(name = "orders", visibilityTimeout = 30),
            tables = @Table(name = "payments", partitionKey = "paymentId"),
            functions = @Function(name = "worker", handler = ChargeHandlers.Naive.class, timeout = 10,
                    sqsEvents = @SqsEvent(queue = "orders", batchSize = 1)),
            clock = "manual", seed = 21)
    static class MatchingBodies {

        @Test
        @CrashAfterEffect(function = "worker", bodyMatches = "\"orderId\":\"o-2\"")
        void crashes_o2_only(Stack stack, SqsClient sqs, @QueueUrl("orders") String orders) {
            String first = send(sqs, orders, "o-1");
            String second = send(sqs, orders, "o-2");
            awaitInvocations(stack, "worker", 2);

            assertThat(stack.function("worker").invocations()).extracting(i -> i.carried().get(0) + " "
                    + i.outcome()).containsExactlyInAnyOrder(first + " SUCCESS", second + " ERROR");
        }
    }

    @SimStack(functions = @Function(name = "echo", handler = ChargeHandlers.Echo.class), seed = 5)
    static class Replay {

        /** The outcomes of each run, compared by the test that runs this fixture twice. */
        static final List<List<InvocationOutcome>> RUNS = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Test
        @CrashAfterEffect(function = "echo", probability = 0.5)
        void crashes_by_chance(Stack stack, LambdaClient lambda) {
            for (int i = 0; i < 12; i++) {
                lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("\"x\"")));
            }
            RUNS.add(outcomes(stack, "echo"));
        }
    }
}
