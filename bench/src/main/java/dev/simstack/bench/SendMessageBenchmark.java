package dev.simstack.bench;

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
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * SendMessage of a small body through the real SDK (Apache HTTP client, one shared client as an
 * application has), against the engine and against the floor. Score: requests per second. Each
 * iteration gets a fresh target, so that the queue holds one iteration's messages, as a test's would,
 * not the whole run's. The warm-up is long because at 8 client threads on 2 cores C2 needs 40-50 s to
 * finish compiling the SDK's and the engine's paths (the figures climb until then; docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 18, time = 3)
@Measurement(iterations = 5, time = 3)
public class SendMessageBenchmark {

    @Param({"engine", Transport.IN_PROCESS, "floor"})
    public String backend;

    private SqsTarget target;
    private SendMessageRequest request;

    @Setup(Level.Iteration)
    public void open() {
        target = SqsTarget.open(backend);
        request = SendMessageRequest.builder().queueUrl(target.queueUrl()).messageBody(Payloads.BODY).build();
    }

    @TearDown(Level.Iteration)
    public void close() throws Exception {
        target.close();
    }

    @Benchmark
    @Threads(1)
    public SendMessageResponse threads1() {
        return target.sqs().sendMessage(request);
    }

    @Benchmark
    @Threads(8)
    public SendMessageResponse threads8() {
        return target.sqs().sendMessage(request);
    }
}
