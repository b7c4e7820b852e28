package dev.simstack.assertions;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.junit.Function;
import dev.simstack.junit.SimStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Peak concurrency is the most invocations whose start-to-end intervals overlapped: three callers at once, each
 * handler napping 300 ms on a real clock, overlap.
 */
@SimStack(functions = @Function(name = "echo", handler = EchoHandler.class), seed = 7)
class FunctionConcurrencyTest {

    @Test
    void peak_concurrency_is_the_most_overlapping_invocations(Stack stack, LambdaClient lambda) throws Exception {
        Thread[] callers = new Thread[3];
        for (int i = 0; i < callers.length; i++) {
            callers[i] = new Thread(() -> lambda.invoke(b -> b.functionName("echo")
                    .payload(SdkBytes.fromUtf8String("\"nap\""))));
            callers[i].start();
        }
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(stack).function("echo").hasMaxConcurrencyAtMost(3);
        assertThatThrownBy(() -> assertThat(stack).function("echo").hasMaxConcurrencyAtMost(1)).hasMessageMatching(
                "Expecting function echo in us-east-1 to run at most 1 invocation at once\n"
                        + "but [23] ran at once from \\S+Z on the stack's clock \\(overlapping start-to-end intervals"
                        + " in the ledger\\)\\.\nThe ledger records 3 invocations \\(3 succeeded, 0 errors, 0"
                        + " timeouts\\), 0 throttles, 3 cold starts\\.");
    }
}
