package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.internal.resources.DeclaredResources;
import dev.simstack.core.internal.stack.Engine;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;

/**
 * A running stack: one loopback HTTP endpoint that serves every service and region of the stack, with
 * its own clock, seeded random source and ledger. Point any AWS SDK client at {@link #endpoint()}.
 * Stacks share nothing, so test classes may run in parallel. {@link #close()} releases the port and
 * every thread.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Stack implements AutoCloseable {

    private final Engine engine;
    private final URI endpoint;
    private final ResourceHandles handles;
    private final List<ResetListener> resetListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private Stack(Engine engine) {
        this.engine = engine;
        this.endpoint = URI.create("http://" + engine.hostAndPort());
        this.handles = new ResourceHandles(engine);
        engine.resetHandler(this::reset);
        engine.templates(new dev.simstack.core.internal.resources.CloudFormationTemplates(engine));
    }

    /** Starts a stack: binds its port, creates its declared resources, and returns once it serves. */
    public static Stack start(StackConfig config) {
        Stack stack = new Stack(new Engine(Objects.requireNonNull(config, "config")));
        try {
            DeclaredResources.create(stack.engine);
            config.interceptors().forEach(interceptor -> interceptor.attach(stack));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** Starts a stack whose state {@code load} fills before it serves (a data directory's snapshot). */
    static Stack start(StackConfig config, java.util.function.Consumer<Engine> load) {
        Stack stack = new Stack(new Engine(Objects.requireNonNull(config, "config"), load));
        try {
            DeclaredResources.create(stack.engine);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    Engine engine() {
        return engine;
    }

    /** Starts a stack with {@link StackConfig#defaults()}. */
    public static Stack start() {
        return start(StackConfig.defaults());
    }

    /** The endpoint for every service, e.g. {@code http://127.0.0.1:53211}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The port the stack serves on. */
    public int port() {
        return engine.port();
    }

    /** The configuration the stack was started with. */
    public StackConfig config() {
        return engine.config();
    }

    /** The stack's clock, the only source of time of its services. */
    public SimClock clock() {
        return engine.context().clock();
    }

    /**
     * Waits until the stack is quiet: nothing in it can progress until its clock moves or a client sends it
     * something. Quiet means no request is being dispatched by the endpoint or the in-process transport, no Lambda
     * handler is running (synchronous, asynchronous or for an event source mapping, including its calls to services
     * outside the stack), no clock timer that is already due is waiting for the timer thread, and no manual-clock
     * {@link SimClock#advance advance} is running. Work handed from one part to another (a send that wakes an event
     * source mapping's poller, which invokes the worker) is counted before the handing part stops, so the stack is
     * never quiet in between. What waits on the clock (a cold start's delay, a long poll, a visibility timeout, a
     * batching window, a retry's back-off) does not count.
     *
     * <p>On a manual clock this makes time steps replayable: after a client's request, {@code awaitQuiet} lets
     * everything the request set off happen at the instant it was sent, however loaded the machine, and
     * {@link SimClock#advanceQuietly} waits the same way at every instant it passes. A handler that
     * blocks on the stack's clock through its own means (not a fault's handler delay, which the engine knows) or
     * never returns keeps the stack busy: the wait then ends at {@code wallTimeout} and answers false. Traffic from
     * clients outside the stack counts from the moment it reaches the endpoint, not while it is on the wire.
     *
     * @param wallTimeout the longest wall-clock time to wait
     * @return true if the stack became quiet, false if {@code wallTimeout} passed first
     * @throws InterruptedException if the waiting thread is interrupted
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public boolean awaitQuiet(Duration wallTimeout) throws InterruptedException {
        return engine.context().activity().awaitQuiet(Objects.requireNonNull(wallTimeout, "wallTimeout").toNanos());
    }

    /** The stack's seeded random source. */
    public SimRandom random() {
        return engine.context().random();
    }

    /** The seed of this run; a stack started with it and the same traffic replays. */
    public long seed() {
        return engine.context().random().seed();
    }

    /** The record of what happened in the stack. */
    public Ledger ledger() {
        return engine.context().ledger();
    }

    /** The account every resource of the stack belongs to. */
    public String accountId() {
        return engine.config().accountId();
    }

    /** The region of unsigned requests and of resources declared without one. */
    public String defaultRegion() {
        return engine.config().defaultRegion();
    }

    /**
     * A live view of SQS queue {@code name} in the default region: its URL, depth and messages.
     *
     * @throws IllegalArgumentException if there is no such queue, listing the queues there are
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public QueueHandle queue(String name) {
        return queue(defaultRegion(), name);
    }

    /**
     * A live view of SQS queue {@code name} in {@code region}.
     *
     * @throws IllegalArgumentException if there is no such queue, listing the queues there are
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public QueueHandle queue(String region, String name) {
        return handles.queue(Objects.requireNonNull(region, "region"), Objects.requireNonNull(name, "name"));
    }

    /**
     * A live view of DynamoDB table {@code name} in the default region: its items as plain Java values.
     *
     * @throws IllegalArgumentException if there is no such table, listing the tables there are
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public TableHandle table(String name) {
        return table(defaultRegion(), name);
    }

    /**
     * A live view of DynamoDB table {@code name} in {@code region}.
     *
     * @throws IllegalArgumentException if there is no such table, listing the tables there are
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public TableHandle table(String region, String name) {
        return handles.table(Objects.requireNonNull(region, "region"), Objects.requireNonNull(name, "name"));
    }

    /**
     * A live view of S3 bucket {@code name}, which lives in the default region: its keys and objects.
     *
     * @throws IllegalArgumentException if there is no such bucket in that region, listing the buckets there are
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public BucketHandle bucket(String name) {
        return bucket(defaultRegion(), name);
    }

    /**
     * A live view of S3 bucket {@code name}, which lives in {@code region}.
     *
     * @throws IllegalArgumentException if there is no such bucket in that region, listing the buckets there are
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public BucketHandle bucket(String region, String name) {
        return handles.bucket(Objects.requireNonNull(region, "region"), Objects.requireNonNull(name, "name"));
    }

    /**
     * Lambda function {@code name} in the default region: its ARN and its invocations.
     *
     * @throws IllegalArgumentException if there is no such function, listing the functions there are
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public FunctionHandle function(String name) {
        return function(defaultRegion(), name);
    }

    /**
     * Lambda function {@code name} in {@code region}.
     *
     * @throws IllegalArgumentException if there is no such function, listing the functions there are
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public FunctionHandle function(String region, String name) {
        return handles.function(Objects.requireNonNull(region, "region"), Objects.requireNonNull(name, "name"));
    }

    /**
     * A live view of API Gateway API {@code name} in the default region: its id, stage and base URL.
     *
     * @throws IllegalArgumentException if there is no API of that name (listing the APIs there are), or more
     *     than one
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public ApiHandle api(String name) {
        return api(defaultRegion(), name);
    }

    /**
     * A live view of API Gateway API {@code name} in {@code region}.
     *
     * @throws IllegalArgumentException if there is no API of that name (listing the APIs there are), or more
     *     than one
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public ApiHandle api(String region, String name) {
        return handles.api(Objects.requireNonNull(region, "region"), Objects.requireNonNull(name, "name"));
    }

    /**
     * The lines invocation {@code requestId} logged through its {@code Context.getLogger()} — what AWS
     * would send to CloudWatch Logs. The request id is the ledger's {@link LedgerEntry.Invocation#requestId()}.
     */
    public java.util.List<String> functionLogs(String requestId) {
        return engine.lambda().logs(requestId);
    }

    /**
     * Creates the resources a file declares, through the services' own API calls: a CloudFormation or SAM
     * template (queues, tables, buckets, functions with SQS/Api/HttpApi events, event source mappings,
     * policies; IAM ignored), or SimStack's init file of API requests (its format: the README's "Resources
     * at start, and a fault plan"; what is supported: docs/compatibility.md). Resources that already exist
     * are kept as they are, so applying a file twice is harmless.
     *
     * @throws IllegalArgumentException naming the file, the resource and the reason, when the file cannot be
     *     applied; resources created before the failing one remain
     */
    public AppliedResources apply(java.nio.file.Path file) {
        return dev.simstack.core.internal.resources.ResourceFiles.apply(engine, Objects.requireNonNull(file, "file"));
    }

    /**
     * Returns every service to the state right after {@link #start}: in every region, no queues or
     * messages, tables or items, buckets or objects, functions or event source mappings, APIs, keys or usage
     * plans; the ledger is empty; then the resources the {@link StackConfig} declares are created again and
     * the {@link #onReset reset listeners} run. The clock, the seeded random source and the id source go on
     * (nothing is rewound), and the port, the endpoint, every client and the ids (so the invoke URLs) of
     * declared APIs stay valid. Requests in progress are
     * applied wholly before or wholly after the emptying; Lambda handlers still running finish, but their
     * outcome is dropped. {@code POST /_simstack/reset} calls this.
     *
     * @return the resources created again, the configuration's first, then each listener's
     */
    public List<AppliedResources.Resource> reset() {
        return reset(Set.of());
    }

    /** Resets the named services only (all when empty); the ledger is cleared with all of them. */
    private synchronized List<AppliedResources.Resource> reset(Set<String> services) {
        if (closed) {
            throw new IllegalStateException("the stack is closed; start a new one instead of resetting it");
        }
        engine.reset(services);
        List<AppliedResources.Resource> recreated = new ArrayList<>(DeclaredResources.create(engine));
        for (ResetListener listener : resetListeners) {
            listener.afterReset(this).forEach(applied -> recreated.addAll(applied.resources()));
        }
        return recreated;
    }

    /**
     * Runs {@code listener} after every reset (through {@link #reset()} or the HTTP endpoints), e.g. to apply
     * resource files again; until the returned handle is closed.
     */
    public AutoCloseable onReset(ResetListener listener) {
        resetListeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> resetListeners.remove(listener);
    }

    /**
     * Writes this stack's report to {@code file}: one self-contained HTML page (no network needed to view it)
     * showing the stack (seed, clock, regions, endpoint), its interceptors' fault plans, a diagram of its
     * resources and their wiring (with its Mermaid source), charts over time of queue depth, in-flight
     * messages, throttles and function concurrency, a timeline of the ledger per API, service, queue, function,
     * table and bucket, and the ledger's entries (the first and last 500 when there are more). The harness
     * writes one when a test that uses a stack fails; call this to write one on demand, e.g. after a demo run.
     * Writing it reads the ledger and the resources; it changes nothing in the stack, and a closed stack can
     * still be reported.
     *
     * @param file where to write the page; its missing parent directories are created, an existing file replaced
     * @return {@code file}
     * @throws java.io.UncheckedIOException naming the file, when it cannot be written
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public java.nio.file.Path report(java.nio.file.Path file) {
        return report(file, java.util.List.of());
    }

    /**
     * Writes this stack's report to {@code file}, as {@link #report(java.nio.file.Path)} does, with
     * {@code sections} of the caller's own after the stack's summary (a demo's cost estimate, say), in order.
     *
     * @param file where to write the page; its missing parent directories are created, an existing file replaced
     * @param sections the sections to add, each a heading and plain text
     * @return {@code file}
     * @throws java.io.UncheckedIOException naming the file, when it cannot be written
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public java.nio.file.Path report(java.nio.file.Path file, java.util.List<ReportSection> sections) {
        return dev.simstack.core.internal.report.StackReport.write(engine, endpoint.toString(),
                Objects.requireNonNull(file, "file"), java.util.List.copyOf(sections));
    }

    /** Whether the stack serves requests (false once closed). */
    public boolean isRunning() {
        return !closed;
    }

    /** Stops the stack; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            engine.close();
        }
    }

    @Override
    public String toString() {
        return "Stack[" + endpoint + ", seed " + seed() + ", " + engine.config().clock() + " clock]";
    }
}
