package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.internal.engine.Engine;
import dev.simstack.core.internal.resources.DeclaredResources;
import java.net.URI;
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
    private final List<ResetListener> resetListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private Stack(Engine engine) {
        this.engine = engine;
        this.endpoint = URI.create("http://" + engine.hostAndPort());
        engine.resetHandler(this::reset);
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

    public int port() {
        return engine.port();
    }

    public StackConfig config() {
        return engine.config();
    }

    public SimClock clock() {
        return engine.context().clock();
    }

    public SimRandom random() {
        return engine.context().random();
    }

    /** The seed of this run; a stack started with it and the same traffic replays. */
    public long seed() {
        return engine.context().random().seed();
    }

    public Ledger ledger() {
        return engine.context().ledger();
    }

    public String accountId() {
        return engine.config().accountId();
    }

    public String defaultRegion() {
        return engine.config().defaultRegion();
    }

    /** The URL of queue {@code name} in the default region. */
    public String queueUrl(String name) {
        return queueUrl(defaultRegion(), name);
    }

    /**
     * The URL of queue {@code name} in {@code region}.
     *
     * @throws IllegalArgumentException if the queue does not exist
     */
    public String queueUrl(String region, String name) {
        return engine.sqs().queueUrl(region, name, engine.hostAndPort());
    }

    /** The ARN of queue {@code name} in the default region (whether or not it exists). */
    public String queueArn(String name) {
        return "arn:aws:sqs:" + defaultRegion() + ":" + accountId() + ":" + name;
    }

    /** The ARN of function {@code name} in the default region (whether or not it exists). */
    public String functionArn(String name) {
        return "arn:aws:lambda:" + defaultRegion() + ":" + accountId() + ":function:" + name;
    }

    /**
     * The lines invocation {@code requestId} logged through its {@code Context.getLogger()} — what AWS
     * would send to CloudWatch Logs. The request id is the ledger's {@link LedgerEntry.Invocation#requestId()}.
     */
    public java.util.List<String> functionLogs(String requestId) {
        return engine.lambda().logs(requestId);
    }

    /**
     * The base URL of API {@code name} (declared with {@link StackConfig#withApi}) at its stage, e.g.
     * {@code http://127.0.0.1:53211/_aws/execute-api/a1b2c3d4e5/prod}; append the resource path.
     *
     * @throws IllegalArgumentException if there is no such API in the default region
     */
    public URI apiEndpoint(String name) {
        String id = engine.apiGateway().apiId(defaultRegion(), name);
        if (id == null) {
            throw new IllegalArgumentException("there is no API named '" + name + "' in region " + defaultRegion()
                    + "; declare it with StackConfig.withApi(ApiSpec.rest(\"" + name + "\"))");
        }
        return URI.create(endpoint + "/_aws/execute-api/" + id + "/" + engine.apiGateway().firstStage(id));
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
     * (nothing is rewound), and the port, the endpoint and every client stay valid. Requests in progress are
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
