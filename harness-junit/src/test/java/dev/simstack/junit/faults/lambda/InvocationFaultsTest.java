package dev.simstack.junit.faults.lambda;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.InvocationOutcome;
import dev.simstack.core.SimClock;
import dev.simstack.core.Stack;
import dev.simstack.junit.ColdStarts;
import dev.simstack.junit.Function;
import dev.simstack.junit.HandlerTimeout;
import dev.simstack.junit.Kit;
import dev.simstack.junit.LambdaThrottle;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import dev.simstack.junit.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Handler timeouts, forced cold starts and a lowered reserved concurrency, as a Lambda client sees them. */
class InvocationFaultsTest {

    @Test
    void a_forced_timeout_answers_task_timed_out_at_the_functions_timeout() {
        Kit.assertPassed(Kit.run(TimedOut.class), 2);
    }

    @Test
    void forced_cold_starts_start_new_environments_after_their_init_delay() {
        Kit.assertPassed(Kit.run(Cold.class), 1);
    }

    @Test
    void a_lowered_reserved_concurrency_throttles_invoke_with_429_for_its_window() {
        Kit.assertPassed(Kit.run(Throttled.class), 1);
    }

    @Test
    void a_throttled_mapping_backs_off_and_its_batch_comes_back_after_the_window() {
        Kit.assertPassed(Kit.run(ThrottledMapping.class), 1);
    }

    static InvokeResponse invoke(LambdaClient lambda, String text) {
        return lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("\"" + text + "\"")));
    }

    /**
     * Runs {@code call} in the background and advances the manual clock until it answers. Each step is quiet: a
     * plain advance could move the clock between the invocation's start and its handler parking on the clock, so
     * a loaded machine read a 1 s handler delay as 1.25 s.
     */
    static <T> T advanceUntilDone(SimClock clock, Supplier<T> call, Duration step) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(call);
        for (int i = 0; i < 2000 && !future.isDone(); i++) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            clock.advanceQuietly(step, Duration.ofSeconds(10));
        }
        return future.join();
    }

    static List<InvocationOutcome> outcomes(Stack stack) {
        return stack.function("echo").invocations().stream().map(LedgerEntry.Invocation::outcome).toList();
    }

    @SimStack(functions = @Function(name = "echo", handler = ChargeHandlers.Echo.class, timeout = 3),
            clock = "manual", seed = 3)
    static class TimedOut {

        // docs:handler-timeout-start
        @Test
        @HandlerTimeout(function = "echo", times = 1)
        void times_out_once(Stack stack, SimClock clock, LambdaClient lambda) {
            InvokeResponse timedOut = advanceUntilDone(clock, () -> invoke(lambda, "a"), Duration.ofMillis(500));
            InvokeResponse next = invoke(lambda, "b");

            LedgerEntry.Invocation run = stack.function("echo").invocations().get(0);
            assertThat(timedOut.functionError()).isEqualTo("Unhandled");
            assertThat(timedOut.payload().asUtf8String()).isEqualTo("{\"errorMessage\":\"" + run.end() + " "
                    + run.requestId() + " Task timed out after 3.00 seconds\"}");
            assertThat(Duration.between(run.start(), run.end())).isEqualTo(Duration.ofSeconds(3));
            assertThat(next.payload().asUtf8String()).isEqualTo("\"B\"");
            assertThat(stack).function("echo").hasTimeouts(1).hasInvocations(2);
        }
        // docs:handler-timeout-end

        @Test
        @HandlerTimeout(function = "echo", delay = "1s")
        void a_delay_within_the_timeout_only_slows_the_handler(Stack stack, SimClock clock, LambdaClient lambda) {
            InvokeResponse slow = advanceUntilDone(clock, () -> invoke(lambda, "a"), Duration.ofMillis(250));

            LedgerEntry.Invocation run = stack.function("echo").invocations().get(0);
            assertThat(slow.payload().asUtf8String()).isEqualTo("\"A\"");
            assertThat(run.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
            assertThat(Duration.between(run.start(), run.end())).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @SimStack(functions = @Function(name = "echo", handler = ChargeHandlers.Echo.class), clock = "manual", seed = 3)
    static class Cold {

        // docs:cold-starts-start
        @Test
        @ColdStarts(function = "echo", count = 2, initDelay = "2s")
        void the_next_two_start_cold(Stack stack, SimClock clock, LambdaClient lambda) {
            Instant before = clock.now();
            advanceUntilDone(clock, () -> invoke(lambda, "a"), Duration.ofMillis(500));
            advanceUntilDone(clock, () -> invoke(lambda, "b"), Duration.ofMillis(500));
            Instant cold = clock.now();
            invoke(lambda, "c"); // warm: the clock need not move

            List<LedgerEntry.Invocation> runs = stack.function("echo").invocations();
            assertThat(runs).extracting(LedgerEntry.Invocation::coldStart).containsExactly(true, true, false);
            assertThat(runs.get(0).environmentId()).isNotEqualTo(runs.get(1).environmentId());
            assertThat(runs.get(2).environmentId()).isIn(runs.get(0).environmentId(), runs.get(1).environmentId());
            assertThat(Duration.between(before, cold)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
            assertThat(stack).function("echo").hasColdStarts(2).hasNoErrors();
        }
        // docs:cold-starts-end
    }

    @SimStack(functions = @Function(name = "echo", handler = ChargeHandlers.Echo.class), clock = "manual", seed = 3)
    static class Throttled {

        // docs:lambda-throttle-start
        @Test
        @LambdaThrottle(function = "echo", duration = "1m")
        void throttled_for_a_minute(Stack stack, SimClock clock, LambdaClient lambda) {
            assertThatThrownBy(() -> invoke(lambda, "a"))
                    .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        assertThat(e.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
                    });
            int attempts = stack.function("echo").invocations().size(); // the SDK retried the throttle
            clock.advance(Duration.ofMinutes(1));

            assertThat(invoke(lambda, "b").payload().asUtf8String()).isEqualTo("\"B\"");
            assertThat(attempts).isGreaterThan(1); // the first and the SDK's retries (as many as its retry policy makes)
            assertThat(stack).function("echo").hasThrottles(attempts).hasInvocations(1); // throttles are not invocations
        }
        // docs:lambda-throttle-end
    }

    @SimStack(queues = @Queue(name = "orders", visibilityTimeout = 10),
            tables = @Table(name = "payments", partitionKey = "paymentId"),
            functions = @Function(name = "worker", handler = ChargeHandlers.Conditional.class, timeout = 30,
                    sqsEvents = @SqsEvent(queue = "orders", batchSize = 1)),
            clock = "manual", seed = 3)
    static class ThrottledMapping {

        @Test
        @LambdaThrottle(function = "worker", duration = "25s")
        void the_batch_waits_out_the_window(Stack stack, SimClock clock, SqsClient sqs,
                @QueueUrl("orders") String orders) {
            String id = sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"orderId\":\"o-1\"}")).messageId();
            for (int second = 0; second < 30; second++) { // the window, and the visibility timeout after it
                await().pollDelay(Duration.ofMillis(20)).until(() -> true);
                clock.advance(Duration.ofSeconds(1));
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stack).delivery("orders").noneLost());

            List<LedgerEntry.Invocation> runs = stack.function("worker").invocations();
            assertThat(runs.get(runs.size() - 1).outcome()).isEqualTo(InvocationOutcome.SUCCESS);
            assertThat(runs.subList(0, runs.size() - 1)).isNotEmpty()
                    .allMatch(i -> i.outcome() == InvocationOutcome.THROTTLED);
            assertThat(runs.get(runs.size() - 1).start()).isAfterOrEqualTo(runs.get(0).start().plusSeconds(25));
            assertThat(CrashAfterEffectTest.receiveCounts(stack, id)).hasSize(runs.size()).endsWith(runs.size());
            assertThat(stack).idempotency().ofItemWrites("payments").eachKeyAppliedOnce();
        }
    }
}
