package dev.simstack.assertions;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.junit.Function;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.HandlerTimeout;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SimStackClients;
import dev.simstack.junit.SqsEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The function assertions, from the ledger's invocations, each passing and failing. */
@SimStack(queues = {@Queue(name = "orders-dlq"),
        @Queue(name = "orders", deadLetterQueue = "orders-dlq", maxReceiveCount = 1)},
        functions = {@Function(name = "echo", handler = EchoHandler.class, coldStartDelay = "0ms"),
                @Function(name = "closed", handler = EchoHandler.class, reservedConcurrency = 0),
                @Function(name = "slow", handler = EchoHandler.class, timeout = 1, coldStartDelay = "0ms"),
                @Function(name = "worker", handler = PoisonWorker.class, coldStartDelay = "0ms",
                        sqsEvents = @SqsEvent(queue = "orders", batchSize = 1))},
        clock = "manual", seed = 7)
class FunctionAssertTest {

    private static final String SUMMARY = "The ledger records 2 invocations (1 succeeded, 1 error, 0 timeouts), 0 throttles,"
            + " 1 cold start.\n";

    @Test
    void counts_follow_cloudwatchs_metrics(Stack stack, LambdaClient lambda) {
        invoke(lambda, "echo", "ok");
        invoke(lambda, "echo", "ok");

        assertThat(stack).function("echo").hasInvocations(2).hasNoErrors().hasErrors(0).hasTimeouts(0)
                .hasThrottles(0).hasColdStarts(1).hasMaxConcurrencyAtMost(1).wasInvokedBy("invoke");
    }

    @Test
    void has_no_errors_fails_with_the_failed_invocations_and_their_logs(Stack stack, LambdaClient lambda) {
        invoke(lambda, "echo", "ok");
        invoke(lambda, "echo", "fail");

        assertThatThrownBy(() -> assertThat(stack).function("echo").hasNoErrors()).hasMessage("""
                Expecting function echo in us-east-1 to have no errors (invocations that threw or timed out)
                but 1 invocation failed.
                """ + SUMMARY + """
                The last failed invocations (newest last; Stack.functionLogs(requestId) has their logs):
                  ERROR request %s from invoke
                      log: refusing fail""".formatted(failed(stack, "echo")));
    }

    @Test
    void counting_assertions_fail_with_what_they_counted(Stack stack, LambdaClient lambda) {
        invoke(lambda, "echo", "ok");
        invoke(lambda, "echo", "fail");
        String failures = """
                The last failed invocations (newest last; Stack.functionLogs(requestId) has their logs):
                  ERROR request %s from invoke
                      log: refusing fail""".formatted(failed(stack, "echo"));

        assertThat(stack).function("echo").hasInvocations(2).hasErrors(1);
        assertThatThrownBy(() -> assertThat(stack).function("echo").hasInvocations(3)).hasMessage(
                "Expecting function echo in us-east-1 to have 3 invocations\nbut it has 2.\n" + SUMMARY + failures);
        assertThatThrownBy(() -> assertThat(stack).function("echo").hasErrors(0)).hasMessage(
                "Expecting function echo in us-east-1 to have 0 errors\nbut it has 1.\n" + SUMMARY + failures);
        assertThatThrownBy(() -> assertThat(stack).function("echo").hasTimeouts(1)).hasMessage(
                "Expecting function echo in us-east-1 to have 1 timeout\nbut it has 0.\n" + SUMMARY + failures);
        assertThatThrownBy(() -> assertThat(stack).function("echo").hasColdStarts(2)).hasMessage(
                "Expecting function echo in us-east-1 to have 2 cold starts\nbut it has 1.\n" + SUMMARY + failures);
    }

    @Test
    @HandlerTimeout(function = "slow", times = 1)
    void timeouts_count_invocations_that_ran_past_the_functions_timeout(Stack stack, LambdaClient lambda)
            throws Exception {
        // The handler is held on the stack's clock; the eventual check moves the manual clock past its 1 s timeout.
        // (A handler slow in wall time would not do: the check's quiet steps wait for it.)
        Thread caller = new Thread(() -> invoke(lambda, "slow", "nap"));
        caller.start();

        assertThat(stack).function("slow").eventually().hasTimeouts(1);
        caller.join();
        assertThat(stack).function("slow").hasErrors(1).hasInvocations(1);
        assertThatThrownBy(() -> assertThat(stack).function("slow").hasTimeouts(0)).hasMessage("""
                Expecting function slow in us-east-1 to have 0 timeouts
                but it has 1.
                The ledger records 1 invocation (0 succeeded, 0 errors, 1 timeout), 0 throttles, 1 cold start.
                The last failed invocations (newest last; Stack.functionLogs(requestId) has their logs):
                  TIMEOUT request %s from invoke""".formatted(stack.function("slow").invocations().get(0).requestId()));
    }

    @Test
    void throttles_count_invocations_refused_for_lack_of_concurrency(Stack stack) {
        try (LambdaClient once = SimStackClients.configure(LambdaClient.builder(), stack)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            assertThatThrownBy(() -> invoke(once, "closed", "ok")).isInstanceOf(TooManyRequestsException.class);
        }

        assertThat(stack).function("closed").hasThrottles(1).hasInvocations(0);
        assertThatThrownBy(() -> assertThat(stack).function("closed").hasThrottles(0)).hasMessage("""
                Expecting function closed in us-east-1 to have 0 throttles
                but it has 1.
                The ledger records 0 invocations (0 succeeded, 0 errors, 0 timeouts), 1 throttle, 0 cold starts.""");
    }

    @Test
    void was_invoked_by_names_the_triggers_there_were(Stack stack, LambdaClient lambda, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"1\"}"));
        invoke(lambda, "echo", "ok");

        assertThat(stack).function("worker").eventually().wasInvokedByQueue("orders");
        assertThat(stack).function("echo").wasInvokedBy("invoke");
        assertThatThrownBy(() -> assertThat(stack).function("echo").wasInvokedByQueue("orders")).hasMessage("""
                Expecting function echo in us-east-1 to have been invoked by sqs:arn:aws:sqs:us-east-1:000000000000:orders
                but its invocations came from {invoke=1}.""");
    }

    private static void invoke(LambdaClient lambda, String function, String input) {
        lambda.invoke(b -> b.functionName(function).payload(SdkBytes.fromUtf8String("\"" + input + "\"")));
    }

    private static String failed(Stack stack, String function) {
        List<LedgerEntry.Invocation> invocations = stack.function(function).invocations();
        return invocations.stream().filter(i -> i.outcome() == LedgerEntry.InvocationOutcome.ERROR).findFirst()
                .orElseThrow().requestId();
    }
}
