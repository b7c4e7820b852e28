package dev.simstack.bench;

import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A stack with one queue started (and closed) again and again in a warm JVM, as a test run that starts
 * one stack per test class does. Sampled, so JMH reports the mean and the percentiles (p99).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class StackStartBenchmark {

    private static final StackConfig ONE_QUEUE = StackConfig.defaults().withQueue(QueueSpec.named("q"));

    /** Start and close, one after the other: the cost a test class pays in all. */
    @Benchmark
    public Stack startAndClose() {
        Stack stack = ONE_QUEUE.start();
        stack.close();
        return stack;
    }

    /** Start alone; the close happens outside the measured time. */
    @Benchmark
    public Stack start(Started started) {
        started.stack = ONE_QUEUE.start();
        return started.stack;
    }

    /** Holds the stack {@link #start} made until it is closed, unmeasured, after each call. */
    @State(Scope.Thread)
    public static class Started {
        Stack stack;

        @TearDown(Level.Invocation)
        public void close() {
            if (stack != null) {
                stack.close();
                stack = null;
            }
        }
    }
}
