package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An SQS event source of a declared function: the event source mapping the stack creates at start (and
 * after every reset) so that the function consumes a queue of its region, as CreateEventSourceMapping or a
 * SAM {@code SQS} event would. Immutable; each {@code with*} returns a new value.
 *
 * <pre>{@code
 * FunctionSpec.named("fulfil", OrderHandler.class)
 *         .withSqsEvent(SqsEventSource.queue("orders").withBatchSize(5).withReportBatchItemFailures());
 * }</pre>
 *
 * <p>The defaults are Lambda's: batch size 10, no batching window, no maximum concurrency, enabled. The
 * Lambda API's rules (batch size up to 10,000, over 10 only with a batching window; FIFO queues 1 to 10
 * and no window; a window of at most 300 s; a maximum concurrency of 2 to 1,000) are Lambda's to judge
 * when the stack starts: a setting it refuses fails the start with its message.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class SqsEventSource {

    private final String queueName;
    private final int batchSize;
    private final Duration batchingWindow;
    private final Integer maximumConcurrency;
    private final boolean reportBatchItemFailures;
    private final boolean enabled;

    private SqsEventSource(String queueName, int batchSize, Duration batchingWindow, Integer maximumConcurrency,
            boolean reportBatchItemFailures, boolean enabled) {
        this.queueName = queueName;
        this.batchSize = batchSize;
        this.batchingWindow = batchingWindow;
        this.maximumConcurrency = maximumConcurrency;
        this.reportBatchItemFailures = reportBatchItemFailures;
        this.enabled = enabled;
    }

    /** The queue named {@code queueName} in the function's region, with Lambda's default settings. */
    public static SqsEventSource queue(String queueName) {
        return new SqsEventSource(Objects.requireNonNull(queueName, "queueName"), 10, Duration.ZERO, null, false,
                true);
    }

    /** The most records one invocation gets ({@code BatchSize}); over 10 needs a batching window. */
    public SqsEventSource withBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch size is 1 or more, got " + batchSize);
        }
        return new SqsEventSource(queueName, batchSize, batchingWindow, maximumConcurrency, reportBatchItemFailures,
                enabled);
    }

    /**
     * How long records are gathered before an invocation ({@code MaximumBatchingWindowInSeconds}), in whole
     * seconds, 0 to 300, on the stack's clock.
     */
    public SqsEventSource withBatchingWindow(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.getNano() != 0) {
            throw new IllegalArgumentException("a batching window is a whole number of seconds from 0 to 300, got "
                    + window);
        }
        return new SqsEventSource(queueName, batchSize, window, maximumConcurrency, reportBatchItemFailures, enabled);
    }

    /** The most concurrent invocations the mapping starts ({@code ScalingConfig.MaximumConcurrency}, 2 to 1,000). */
    public SqsEventSource withMaximumConcurrency(int max) {
        return new SqsEventSource(queueName, batchSize, batchingWindow, max, reportBatchItemFailures, enabled);
    }

    /**
     * Lets the function answer {@code batchItemFailures}, so only the records it names return to the queue
     * ({@code FunctionResponseTypes=[ReportBatchItemFailures]}).
     */
    public SqsEventSource withReportBatchItemFailures() {
        return new SqsEventSource(queueName, batchSize, batchingWindow, maximumConcurrency, true, enabled);
    }

    /** Whether the mapping polls from the start ({@code Enabled}); a disabled one exists but does not poll. */
    public SqsEventSource withEnabled(boolean enabled) {
        return new SqsEventSource(queueName, batchSize, batchingWindow, maximumConcurrency, reportBatchItemFailures,
                enabled);
    }

    /** The queue's name, in the function's region. */
    public String queueName() {
        return queueName;
    }

    /** The most records one invocation gets; 10 unless set. */
    public int batchSize() {
        return batchSize;
    }

    /** How long records are gathered before an invocation; zero unless set. */
    public Duration batchingWindow() {
        return batchingWindow;
    }

    /** The most concurrent invocations, or null for no cap but the function's and the account's. */
    public Integer maximumConcurrency() {
        return maximumConcurrency;
    }

    /** Whether the function may report the records of a batch that failed. */
    public boolean reportBatchItemFailures() {
        return reportBatchItemFailures;
    }

    /** Whether the mapping polls; true unless set. */
    public boolean enabled() {
        return enabled;
    }

    /** E.g. {@code SqsEventSource[queue orders, batch size 5, window PT0S, enabled]}. */
    @Override
    public String toString() {
        return "SqsEventSource[queue " + queueName + ", batch size " + batchSize + ", window " + batchingWindow
                + (maximumConcurrency == null ? "" : ", maximum concurrency " + maximumConcurrency)
                + (reportBatchItemFailures ? ", reports batch item failures" : "")
                + (enabled ? ", enabled" : ", disabled") + "]";
    }
}
