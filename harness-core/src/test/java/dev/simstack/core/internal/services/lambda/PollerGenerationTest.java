package dev.simstack.core.internal.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.internal.stack.Engine;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An event source mapping's poller checks that it was not abandoned and then invokes; a reset can come between
 * the two. The invocation carries the generation the poller was born in, so the runtime refuses it then.
 */
class PollerGenerationTest {

    /** Counts its runs. */
    public static final class Counting implements RequestStreamHandler {
        static final AtomicInteger RUNS = new AtomicInteger();

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            RUNS.incrementAndGet();
        }
    }

    private static final byte[] EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void an_invocation_of_work_begun_before_a_reset_runs_nothing_and_leaves_no_ledger_entry() throws Exception {
        StackConfig config = StackConfig.defaults().withFunction(FunctionSpec.named("worker", Counting.class));
        try (Stack stack = config.start()) {
            LambdaPort port = engine(stack).lambda().port();
            long born = port.generation();
            stack.reset();
            LambdaFunction worker = port.function(ResourceRef.function(stack.defaultRegion(), stack.accountId(),
                    "worker"));
            int runsBefore = Counting.RUNS.get();

            CompletableFuture<InvocationResult> stale = port.invoke(worker, null, EVENT, "sqs:old", List.of("m-1"),
                    born);
            InvocationResult current = port.invoke(worker, null, EVENT, "sqs:new", List.of("m-2"), port.generation())
                    .join();

            assertThatThrownBy(stale::join).isInstanceOf(CancellationException.class)
                    .hasMessage("the stack was reset after this invocation's work began");
            assertThat(current.failed()).isFalse();
            assertThat(Counting.RUNS.get() - runsBefore).as("handler runs").isEqualTo(1);
            assertThat(stack.ledger().entries(LedgerEntry.Invocation.class))
                    .extracting(LedgerEntry.Invocation::carried).containsExactly(List.of("m-2"));
        }
    }

    private static Engine engine(Stack stack) throws ReflectiveOperationException {
        Field engine = Stack.class.getDeclaredField("engine");
        engine.setAccessible(true);
        return (Engine) engine.get(stack);
    }
}
