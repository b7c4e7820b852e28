package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A Lambda function a stack creates when it starts: a Java handler on the test classpath, run in-process
 * with a real {@code com.amazonaws.services.lambda.runtime.Context}, under the function's timeout and
 * concurrency on the stack's clock. Immutable; each {@code with*} returns a new value.
 *
 * <pre>{@code
 * FunctionSpec.named("orders", OrderHandler.class).withTimeout(Duration.ofSeconds(10));
 * FunctionSpec.named("report", "com.example.Reports::handle").withEnvironment("TABLE", "orders");
 * FunctionSpec.named("fulfil", OrderHandler.class).withSqsEvent("orders", 5);
 * FunctionSpec.named("audit", AuditHandler.class).withDynamoDbEvent(DynamoDbEventSource.table("orders"));
 * }</pre>
 *
 * <p>The handler is a class implementing {@code RequestHandler} or {@code RequestStreamHandler}, or
 * {@code package.Class::method} as in a function's {@code Handler} setting. Environment variables
 * cannot be set on the JVM in-process; handlers read them through
 * {@link FunctionEnvironment#get(com.amazonaws.services.lambda.runtime.Context, String)}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FunctionSpec {

    private final String name;
    private final String handler;
    private final String runtime;
    private final Duration timeout;
    private final int memorySize;
    private final Map<String, String> environment;
    private final Integer reservedConcurrency;
    private final Duration coldStartDelay;
    private final String region;
    private final List<SqsEventSource> sqsEvents;
    private final List<DynamoDbEventSource> dynamoDbEvents;

    private FunctionSpec(String name, String handler, String runtime, Duration timeout, int memorySize,
            Map<String, String> environment, Integer reservedConcurrency, Duration coldStartDelay, String region,
            List<SqsEventSource> sqsEvents, List<DynamoDbEventSource> dynamoDbEvents) {
        this.name = name;
        this.handler = handler;
        this.runtime = runtime;
        this.timeout = timeout;
        this.memorySize = memorySize;
        this.environment = Collections.unmodifiableMap(environment);
        this.reservedConcurrency = reservedConcurrency;
        this.coldStartDelay = coldStartDelay;
        this.region = region;
        this.sqsEvents = List.copyOf(sqsEvents);
        this.dynamoDbEvents = List.copyOf(dynamoDbEvents);
    }

    /** A function running {@code handler}, with AWS's defaults: java21, 3 s timeout, 128 MB. */
    public static FunctionSpec named(String name, Class<?> handler) {
        return named(name, Objects.requireNonNull(handler, "handler").getName());
    }

    /** A function whose handler is {@code package.Class} or {@code package.Class::method}. */
    public static FunctionSpec named(String name, String handler) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        return new FunctionSpec(name, handler, "java21", Duration.ofSeconds(3), 128, new LinkedHashMap<>(), null,
                Duration.ZERO, null, List.of(), List.of());
    }

    /** The timeout, 1 s to 900 s as AWS allows. */
    public FunctionSpec withTimeout(Duration timeout) {
        long seconds = timeout.getSeconds();
        if (seconds < 1 || seconds > 900 || timeout.getNano() != 0) {
            throw new IllegalArgumentException("a Lambda timeout is a whole number of seconds from 1 to 900, got "
                    + timeout);
        }
        return new FunctionSpec(name, handler, runtime, timeout, memorySize, environment, reservedConcurrency,
                coldStartDelay, region, sqsEvents, dynamoDbEvents);
    }

    /** The memory size in MB, 128 to 10,240 as AWS allows (reported by the Context only). */
    public FunctionSpec withMemorySize(int megabytes) {
        if (megabytes < 128 || megabytes > 10_240) {
            throw new IllegalArgumentException("MemorySize is 128 to 10240 MB, got " + megabytes);
        }
        return new FunctionSpec(name, handler, runtime, timeout, megabytes, environment, reservedConcurrency,
                coldStartDelay, region, sqsEvents, dynamoDbEvents);
    }

    /** The runtime identifier: {@code java17} or {@code java21}. */
    public FunctionSpec withRuntime(String runtime) {
        if (!runtime.equals("java17") && !runtime.equals("java21") && !runtime.equals("java11")) {
            throw new IllegalArgumentException("in-process functions run Java: java11, java17 or java21, got "
                    + runtime);
        }
        return new FunctionSpec(name, handler, runtime, timeout, memorySize, environment, reservedConcurrency,
                coldStartDelay, region, sqsEvents, dynamoDbEvents);
    }

    /** Adds an environment variable, visible through {@link FunctionEnvironment}. */
    public FunctionSpec withEnvironment(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(environment);
        copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new FunctionSpec(name, handler, runtime, timeout, memorySize, copy, reservedConcurrency,
                coldStartDelay, region, sqsEvents, dynamoDbEvents);
    }

    /** Reserved concurrency, as PutFunctionConcurrency sets it (0 stops every invocation). */
    public FunctionSpec withReservedConcurrency(int executions) {
        if (executions < 0) {
            throw new IllegalArgumentException("reserved concurrency is 0 or more, got " + executions);
        }
        return new FunctionSpec(name, handler, runtime, timeout, memorySize, environment, executions,
                coldStartDelay, region, sqsEvents, dynamoDbEvents);
    }

    /** How long (on the stack clock) a new execution environment takes to start; none by default. */
    public FunctionSpec withColdStartDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a cold start delay cannot be negative");
        }
        return new FunctionSpec(name, handler, runtime, timeout, memorySize, environment, reservedConcurrency,
                delay, region, sqsEvents, dynamoDbEvents);
    }

    /** The same function in {@code region} instead of the stack's default region (one of the stack's). */
    @API(status = EXPERIMENTAL, since = "0.2")
    public FunctionSpec inRegion(String region) {
        return new FunctionSpec(name, handler, runtime, timeout, memorySize, environment, reservedConcurrency,
                coldStartDelay, Objects.requireNonNull(region, "region"), sqsEvents, dynamoDbEvents);
    }

    /**
     * Adds an SQS event source: the stack maps the queue to this function when it starts, so that the
     * function receives the queue's messages in batches. Several calls map several queues.
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public FunctionSpec withSqsEvent(SqsEventSource source) {
        List<SqsEventSource> copy = new ArrayList<>(sqsEvents);
        copy.add(Objects.requireNonNull(source, "source"));
        return new FunctionSpec(name, handler, runtime, timeout, memorySize, environment, reservedConcurrency,
                coldStartDelay, region, copy, dynamoDbEvents);
    }

    /** Adds an SQS event source on the queue {@code queueName} with {@code batchSize}, Lambda's other defaults. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public FunctionSpec withSqsEvent(String queueName, int batchSize) {
        return withSqsEvent(SqsEventSource.queue(queueName).withBatchSize(batchSize));
    }

    /** The SQS event sources, in the order they were added; empty unless set. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public List<SqsEventSource> sqsEvents() {
        return sqsEvents;
    }

    /**
     * Adds a DynamoDB event source: the stack maps the stream of a table of the function's region to this
     * function when it starts, so that the function receives the table's changes in batches, in order. Several
     * calls map several tables.
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public FunctionSpec withDynamoDbEvent(DynamoDbEventSource source) {
        List<DynamoDbEventSource> copy = new ArrayList<>(dynamoDbEvents);
        copy.add(Objects.requireNonNull(source, "source"));
        return new FunctionSpec(name, handler, runtime, timeout, memorySize, environment, reservedConcurrency,
                coldStartDelay, region, sqsEvents, copy);
    }

    /** The DynamoDB event sources, in the order they were added; empty unless set. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public List<DynamoDbEventSource> dynamoDbEvents() {
        return dynamoDbEvents;
    }

    /** The region, or {@code null} for the stack's default region. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public String region() {
        return region;
    }

    /** The function's name. */
    public String name() {
        return name;
    }

    /** The handler: a class name, or {@code Class::method}. */
    public String handler() {
        return handler;
    }

    /** The runtime the function reports, e.g. {@code java21}. */
    public String runtime() {
        return runtime;
    }

    /** How long an invocation may run before it times out. */
    public Duration timeout() {
        return timeout;
    }

    /** The memory size in MB, as the handler's Context reports it. */
    public int memorySize() {
        return memorySize;
    }

    /** The environment variables, read through {@link FunctionEnvironment}. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Reserved concurrency, or null for the account's unreserved pool. */
    public Integer reservedConcurrency() {
        return reservedConcurrency;
    }

    /** The time a new execution environment takes to start, on the stack's clock. */
    public Duration coldStartDelay() {
        return coldStartDelay;
    }
}
