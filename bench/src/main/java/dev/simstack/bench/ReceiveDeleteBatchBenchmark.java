package dev.simstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.AuxCounters;
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
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * One consumer step through the real SDK: ReceiveMessage of up to 10 (short poll) and DeleteMessageBatch
 * of what came back. Score: steps per second, each two requests; the {@code messages} counter gives
 * messages per second. Each iteration gets a fresh target, filled beforehand (outside the measured
 * time) with more messages than it can consume; {@code emptyReceives} and {@code partialReceives}
 * would show a queue that ran dry. The warm-up is long because at 8 client threads on 2 cores C2 needs
 * 40-50 s to finish compiling the SDK's and the engine's paths (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 18, time = 3)
@Measurement(iterations = 5, time = 3)
public class ReceiveDeleteBatchBenchmark {

    private static final int MIN_FILL = 60_000;
    private static final int FILL_THREADS = 8;

    @Param({"engine", Transport.IN_PROCESS, "floor"})
    public String backend;

    private SqsTarget target;
    private ReceiveMessageRequest receive;
    private final LongAdder consumed = new LongAdder();
    private long lastIteration;

    /**
     * A fresh target, so that the queue and the ledger hold one iteration's traffic, not the whole run's.
     * The engine gets 1.25 times what the last iteration consumed plus 10 000 (at least MIN_FILL); the
     * floor answers 10 messages whatever it holds and gets MIN_FILL, only so that both clients do the
     * same kind of extra work between iterations.
     */
    @Setup(Level.Iteration)
    public void open() {
        target = SqsTarget.open(backend);
        long wanted = target.drains() ? Math.max(MIN_FILL, lastIteration * 5 / 4 + 10_000) : MIN_FILL;
        target.fill(wanted, FILL_THREADS);
        receive = ReceiveMessageRequest.builder().queueUrl(target.queueUrl()).maxNumberOfMessages(10)
                .waitTimeSeconds(0).build();
    }

    @TearDown(Level.Iteration)
    public void close() throws Exception {
        lastIteration = consumed.sumThenReset();
        target.close();
    }

    @Benchmark
    @Threads(1)
    public int threads1(Messages messages, Shortfalls shortfalls) {
        return receiveAndDelete(messages, shortfalls);
    }

    @Benchmark
    @Threads(8)
    public int threads8(Messages messages, Shortfalls shortfalls) {
        return receiveAndDelete(messages, shortfalls);
    }

    private int receiveAndDelete(Messages counter, Shortfalls shortfalls) {
        List<Message> received = target.sqs().receiveMessage(receive).messages();
        if (received.isEmpty()) {
            shortfalls.emptyReceives++;
            return 0;
        }
        if (received.size() < 10) {
            shortfalls.partialReceives++;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(received.size());
        for (int i = 0; i < received.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(received.get(i).receiptHandle()).build());
        }
        DeleteMessageBatchResponse deleted = target.sqs().deleteMessageBatch(r -> r.queueUrl(target.queueUrl())
                .entries(entries));
        if (!deleted.failed().isEmpty()) {
            throw new IllegalStateException("DeleteMessageBatch failed: " + deleted.failed());
        }
        counter.messages += received.size();
        consumed.add(received.size());
        return received.size();
    }

    /** Messages received and deleted, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Messages {
        public long messages;

        @Setup(Level.Iteration)
        public void reset() {
            messages = 0;
        }
    }

    /** Receives that found fewer than 10 messages, reported as totals; a drained queue shows here. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Shortfalls {
        public long emptyReceives;
        public long partialReceives;

        @Setup(Level.Iteration)
        public void reset() {
            emptyReceives = 0;
            partialReceives = 0;
        }
    }
}
