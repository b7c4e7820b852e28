package dev.simstack.junit.faults.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.junit.ColdStarts;
import dev.simstack.junit.CrashAfterEffect;
import dev.simstack.junit.Function;
import dev.simstack.junit.HandlerTimeout;
import dev.simstack.junit.Kit;
import dev.simstack.junit.LambdaThrottle;
import dev.simstack.junit.SimStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Lambda fault annotations: printed with the seed when a test fails, refused for a function not declared. */
class LambdaFaultAnnotationsTest {

    @Test
    void a_failing_test_prints_its_lambda_faults_with_its_seed() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Kit.run(Fails.class);
        } finally {
            System.setErr(original);
        }

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SimStack: Fails.fails ran with faults: FaultPlan:\n"
                + "  - @CrashAfterEffect echo: crash after the handler's effects on echo, body ~ /o-2/, at most 1x"
                + " (Runtime.ExitError)\n"
                + "  - @HandlerTimeout echo: time out on echo, invocation #2\n"
                + "  - @ColdStarts echo: the next 3 invocations of echo start cold, init 1500 ms\n"
                + "  - @LambdaThrottle echo: reserved concurrency 1 for echo after 10000 ms for 60000 ms");
    }

    @Test
    void a_fault_on_a_function_the_stack_does_not_declare_is_refused_naming_those_it_does() {
        assertThat(Kit.failureMessages(Kit.run(UnknownFunction.class))).singleElement().asString()
                .isEqualTo("@CrashAfterEffect on UnknownFunction.crashes: there is no Lambda function named 'wroker' in"
                        + " us-east-1; functions there: echo. Declare it with StackConfig.withFunction(FunctionSpec"
                        + ".named(\"wroker\", YourHandler.class)), or create it before taking its handle.");
    }

    @SimStack(functions = @Function(name = "echo", handler = ChargeHandlers.Echo.class), seed = 9)
    static class Fails {

        @Test
        @CrashAfterEffect(function = "echo", times = 1, bodyMatches = "o-2")
        @HandlerTimeout(function = "echo", nth = 2)
        @ColdStarts(function = "echo", count = 3, initDelay = "1500ms")
        @LambdaThrottle(function = "echo", reservedConcurrency = 1, after = "10s", duration = "1m")
        void fails() {
            assertThat(List.of()).isNotEmpty();
        }
    }

    @SimStack(functions = @Function(name = "echo", handler = ChargeHandlers.Echo.class), seed = 9)
    static class UnknownFunction {

        @Test
        @CrashAfterEffect(function = "wroker")
        void crashes() {
        }
    }
}
