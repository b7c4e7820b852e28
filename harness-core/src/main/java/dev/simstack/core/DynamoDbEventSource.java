package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A DynamoDB event source of a declared function: the event source mapping the stack creates at start (and
 * after every reset) from the stream of a table of the function's region, as CreateEventSourceMapping or a
 * SAM {@code DynamoDB} event would. The table must be declared with a stream ({@link TableSpec#withStream}).
 * Immutable; each {@code with*} returns a new value.
 *
 * <pre>{@code
 * FunctionSpec.named("audit", AuditHandler.class)
 *         .withDynamoDbEvent(DynamoDbEventSource.table("orders").withBatchSize(10)
 *                 .withMaximumRetryAttempts(2).withOnFailureQueue("audit-failures"));
 * }</pre>
 *
 * <p>The defaults are Lambda's: starting at the oldest record kept ({@code TRIM_HORIZON}), batch size 100,
 * no batching window, no bisection, retries and record age unlimited, no filter, no destination, enabled.
 * Lambda's limits (batch size 1 to 10,000, window 0 to 300 s, retries -1 to 10,000, record age 60 s to 7
 * days) are Lambda's to judge when the stack starts: a setting it refuses fails the start with its message.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class DynamoDbEventSource {

    /** Where a new mapping starts reading the stream. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public enum StartingPosition {
        /** The oldest record the stream keeps (24 hours back at most). */
        TRIM_HORIZON,
        /** The records written after the mapping is created. */
        LATEST
    }

    private final Settings settings;

    private DynamoDbEventSource(Settings settings) {
        this.settings = settings;
    }

    /** The stream of the table named {@code tableName} in the function's region, with Lambda's defaults. */
    public static DynamoDbEventSource table(String tableName) {
        return new DynamoDbEventSource(new Settings(Objects.requireNonNull(tableName, "tableName"),
                StartingPosition.TRIM_HORIZON, 100, Duration.ZERO, false, -1, null, false, null, List.of(), true));
    }

    /** Where the mapping starts reading ({@code StartingPosition}). */
    public DynamoDbEventSource withStartingPosition(StartingPosition position) {
        Settings s = settings;
        return new DynamoDbEventSource(new Settings(s.tableName, Objects.requireNonNull(position, "position"),
                s.batchSize, s.window, s.bisect, s.retries, s.recordAge, s.report, s.onFailure, s.filters, s.enabled));
    }

    /** The most records one invocation gets ({@code BatchSize}). */
    public DynamoDbEventSource withBatchSize(int batchSize) {
        Settings s = settings;
        return new DynamoDbEventSource(new Settings(s.tableName, s.position, batchSize, s.window, s.bisect, s.retries,
                s.recordAge, s.report, s.onFailure, s.filters, s.enabled));
    }

    /** How long records are gathered before an invocation ({@code MaximumBatchingWindowInSeconds}), whole seconds. */
    public DynamoDbEventSource withBatchingWindow(Duration window) {
        Settings s = settings;
        return new DynamoDbEventSource(new Settings(s.tableName, s.position, s.batchSize,
                Objects.requireNonNull(window, "window"), s.bisect, s.retries, s.recordAge, s.report, s.onFailure,
                s.filters, s.enabled));
    }

    /** Splits a batch the function fails in two and retries each half ({@code BisectBatchOnFunctionError}). */
    public DynamoDbEventSource withBisectBatchOnFunctionError() {
        Settings s = settings;
        return new DynamoDbEventSource(new Settings(s.tableName, s.position, s.batchSize, s.window, true, s.retries,
                s.recordAge, s.report, s.onFailure, s.filters, s.enabled));
    }

    /** Discards a batch after this many retries ({@code MaximumRetryAttempts}); -1 retries without end. */
    public DynamoDbEventSource withMaximumRetryAttempts(int attempts) {
        Settings s = settings;
        return new DynamoDbEventSource(new Settings(s.tableName, s.position, s.batchSize, s.window, s.bisect,
                attempts, s.recordAge, s.report, s.onFailure, s.filters, s.enabled));
    }

    /** Discards a batch whose oldest record is older than {@code age} ({@code MaximumRecordAgeInSeconds}). */
    public DynamoDbEventSource withMaximumRecordAge(Duration age) {
        Settings s = settings;
        return new DynamoDbEventSource(new Settings(s.tableName, s.position, s.batchSize, s.window, s.bisect,
                s.retries, Objects.requireNonNull(age, "age"), s.report, s.onFailure, s.filters, s.enabled));
    }

    /** Lets the function answer {@code batchItemFailures} with sequence numbers (partial batch responses). */
    public DynamoDbEventSource withReportBatchItemFailures() {
        Settings s = settings;
        return new DynamoDbEventSource(new Settings(s.tableName, s.position, s.batchSize, s.window, s.bisect,
                s.retries, s.recordAge, true, s.onFailure, s.filters, s.enabled));
    }

    /** Describes discarded batches to the queue named {@code queueName} of the function's region ({@code OnFailure}). */
    public DynamoDbEventSource withOnFailureQueue(String queueName) {
        Settings s = settings;
        return new DynamoDbEventSource(new Settings(s.tableName, s.position, s.batchSize, s.window, s.bisect,
                s.retries, s.recordAge, s.report, Objects.requireNonNull(queueName, "queueName"), s.filters,
                s.enabled));
    }

    /**
     * Adds a filter pattern ({@code FilterCriteria}, Lambda's event filtering JSON, e.g.
     * {@code {"eventName":["INSERT"]}}); a record passes when any pattern matches it.
     */
    public DynamoDbEventSource withFilterPattern(String pattern) {
        Settings s = settings;
        List<String> filters = new ArrayList<>(s.filters);
        filters.add(Objects.requireNonNull(pattern, "pattern"));
        return new DynamoDbEventSource(new Settings(s.tableName, s.position, s.batchSize, s.window, s.bisect,
                s.retries, s.recordAge, s.report, s.onFailure, List.copyOf(filters), s.enabled));
    }

    /** Whether the mapping polls ({@code Enabled}); a disabled one can be enabled through the Lambda API. */
    public DynamoDbEventSource withEnabled(boolean enabled) {
        Settings s = settings;
        return new DynamoDbEventSource(new Settings(s.tableName, s.position, s.batchSize, s.window, s.bisect,
                s.retries, s.recordAge, s.report, s.onFailure, s.filters, enabled));
    }

    /** The table whose stream is read. */
    public String tableName() {
        return settings.tableName;
    }

    /** Where the mapping starts reading. */
    public StartingPosition startingPosition() {
        return settings.position;
    }

    /** The most records per invocation. */
    public int batchSize() {
        return settings.batchSize;
    }

    /** The batching window; zero for none. */
    public Duration batchingWindow() {
        return settings.window;
    }

    /** Whether a failed batch is split in two. */
    public boolean bisectBatchOnFunctionError() {
        return settings.bisect;
    }

    /** The retries before a batch is discarded; -1 for no limit. */
    public int maximumRetryAttempts() {
        return settings.retries;
    }

    /** The oldest a record may be when it is sent, or null for no limit. */
    public Duration maximumRecordAge() {
        return settings.recordAge;
    }

    /** Whether the function may report partial batch failures. */
    public boolean reportBatchItemFailures() {
        return settings.report;
    }

    /** The name of the queue discarded batches are described to, or null for none. */
    public String onFailureQueue() {
        return settings.onFailure;
    }

    /** The filter patterns, in the order they were added. */
    public List<String> filterPatterns() {
        return settings.filters;
    }

    /** Whether the mapping starts enabled. */
    public boolean enabled() {
        return settings.enabled;
    }

    /** What the event source holds: one value, so that each {@code with*} changes one field. */
    private record Settings(String tableName, StartingPosition position, int batchSize, Duration window,
            boolean bisect, int retries, Duration recordAge, boolean report, String onFailure, List<String> filters,
            boolean enabled) {
    }
}
