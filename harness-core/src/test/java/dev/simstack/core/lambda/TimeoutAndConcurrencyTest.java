package dev.simstack.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Timeouts on the stack clock, reserved and account concurrency. */
class TimeoutAndConcurrencyTest {

    private Stack stack;
    private LambdaClient lambda;

    @AfterEach
    void stop() {
        lambda.close();
        stack.close();
    }

    private void start(StackConfig config) {
        stack = config.start();
        lambda = LambdaTestSupport.lambda(stack);
    }

    private InvokeResponse invoke(String function, String gate) {
        return lambda.invoke(b -> b.functionName(function)
                .payload(SdkBytes.fromUtf8String("{\"gate\":\"" + gate + "\"}")));
    }

    @Test
    void a_handler_past_its_timeout_on_the_stack_clock_is_interrupted_and_the_invocation_fails() {
        start(StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(1)
                .withFunction(FunctionSpec.named("slow", Handlers.Blocking.class).withTimeout(Duration.ofSeconds(5))));
        String gate = "timeout-" + System.nanoTime();

        InvokeResponse response = LambdaTestSupport.advanceUntilDone(stack, () -> invoke("slow", gate),
                Duration.ofSeconds(1));

        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).matches("\\{\"errorMessage\":\"\\S+ \\S+ Task timed out after "
                + "5.00 seconds\"}");
        LedgerEntry.Invocation run = stack.ledger().entries(LedgerEntry.Invocation.class).get(0);
        assertThat(run.outcome()).isEqualTo(LedgerEntry.InvocationOutcome.TIMEOUT);
        assertThat(Duration.between(run.start(), run.end())).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void over_reserved_concurrency_a_synchronous_invoke_is_throttled_with_429() throws Exception {
        start(StackConfig.defaults().withSeed(1)
                .withFunction(FunctionSpec.named("single", Handlers.Blocking.class).withReservedConcurrency(1)
                        .withTimeout(Duration.ofSeconds(60))));
        String gate = "reserved-" + System.nanoTime();
        CountDownLatch started = Handlers.Blocking.STARTED.computeIfAbsent(gate, g -> new CountDownLatch(1));
        CompletableFuture<InvokeResponse> first = CompletableFuture.supplyAsync(() -> invoke("single", gate));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> invoke("single", gate))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
                });
        Handlers.Blocking.GATES.computeIfAbsent(gate, g -> new CountDownLatch(1)).countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).payload().asUtf8String()).isEqualTo("\"released\"");
        assertThat(stack.ledger().entries(LedgerEntry.Invocation.class))
                .extracting(LedgerEntry.Invocation::outcome)
                .containsExactlyInAnyOrder(LedgerEntry.InvocationOutcome.THROTTLED,
                        LedgerEntry.InvocationOutcome.SUCCESS);
    }

    @Test
    void over_the_accounts_limit_unreserved_functions_are_throttled() throws Exception {
        start(StackConfig.defaults().withSeed(1).withLambdaConcurrencyLimit(1)
                .withFunction(FunctionSpec.named("a", Handlers.Blocking.class).withTimeout(Duration.ofSeconds(60)))
                .withFunction(FunctionSpec.named("b", Handlers.UpperCase.class)));
        String gate = "account-" + System.nanoTime();
        CountDownLatch started = Handlers.Blocking.STARTED.computeIfAbsent(gate, g -> new CountDownLatch(1));
        CompletableFuture<InvokeResponse> first = CompletableFuture.supplyAsync(() -> invoke("a", gate));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("b").payload(SdkBytes.fromUtf8String("\"x\""))))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        e -> assertThat(e.reasonAsString()).isEqualTo("ConcurrentInvocationLimitExceeded"));
        Handlers.Blocking.GATES.computeIfAbsent(gate, g -> new CountDownLatch(1)).countDown();
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_cold_start_delay_runs_on_the_clock_and_warm_invocations_skip_it() {
        start(StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(1)
                .withFunction(FunctionSpec.named("cold", Handlers.UpperCase.class)
                        .withColdStartDelay(Duration.ofMillis(800))));

        LambdaTestSupport.advanceUntilDone(stack, () -> lambda.invoke(b -> b.functionName("cold")
                .payload(SdkBytes.fromUtf8String("\"a\""))), Duration.ofMillis(100));
        InvokeResponse warm = lambda.invoke(b -> b.functionName("cold").payload(SdkBytes.fromUtf8String("\"b\"")));

        assertThat(warm.payload().asUtf8String()).isEqualTo("\"B\"");
        assertThat(stack.ledger().entries(LedgerEntry.Invocation.class))
                .extracting(LedgerEntry.Invocation::coldStart).containsExactly(true, false);
    }
}
