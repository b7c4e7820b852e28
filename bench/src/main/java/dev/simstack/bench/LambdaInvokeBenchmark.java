package dev.simstack.bench;

import dev.simstack.core.FunctionSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.internal.stack.Engine;
import dev.simstack.core.internal.services.lambda.InvocationResult;
import dev.simstack.core.internal.services.lambda.LambdaPort;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * Invoke (RequestResponse) of an {@link EmptyHandler} with the payload {@code {}}: through the real SDK
 * (Apache HTTP client) against the engine and the floor, and {@code in-process}: the engine's own
 * synchronous invocation path that API Gateway's Lambda integrations use ({@code LambdaPort.invoke}:
 * concurrency limits, an execution environment, the handler on the stack's executor, the ledger), with
 * no HTTP and no SDK. There is no public API for it, so the benchmark reaches the engine by reflection.
 * Score: invocations per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 18, time = 3)
@Measurement(iterations = 5, time = 3)
public class LambdaInvokeBenchmark {

    private static final String FUNCTION = "empty";
    private static final byte[] PAYLOAD = "{}".getBytes(StandardCharsets.UTF_8);

    @Param({"engine", Transport.IN_PROCESS, "floor", "in-process"})
    public String backend;

    private Target<LambdaClient> target;
    private InvokeRequest invoke;
    private LambdaPort lambda;
    private ResourceRef function;

    @Setup(Level.Iteration)
    public void open() throws ReflectiveOperationException {
        StackConfig config = StackConfig.defaults().withFunction(FunctionSpec.named(FUNCTION, EmptyHandler.class));
        target = Target.open(backend.equals("in-process") ? "engine" : backend, config, Clients::lambda, client -> { });
        invoke = InvokeRequest.builder().functionName(FUNCTION).payload(SdkBytes.fromByteArray(PAYLOAD)).build();
        if (backend.equals("in-process")) {
            lambda = engine(target.stack()).lambda().port();
            function = target.stack().function(FUNCTION).ref();
        }
    }

    private static Engine engine(Stack stack) throws ReflectiveOperationException {
        Field engine = Stack.class.getDeclaredField("engine");
        engine.setAccessible(true);
        return (Engine) engine.get(stack);
    }

    @TearDown(Level.Iteration)
    public void close() throws Exception {
        target.close();
    }

    @Benchmark
    @Threads(1)
    public Object threads1() {
        return call();
    }

    @Benchmark
    @Threads(8)
    public Object threads8() {
        return call();
    }

    private Object call() {
        if (lambda != null) {
            InvocationResult outcome = lambda.invoke(function, null, PAYLOAD, "bench", List.of()).join();
            if (outcome.failed() || outcome.throttled()) {
                throw new IllegalStateException("the invocation failed or was throttled: " + outcome);
            }
            return outcome;
        }
        int status = target.client().invoke(invoke).statusCode();
        if (status != 200) {
            throw new IllegalStateException("Invoke answered " + status);
        }
        return status;
    }
}
