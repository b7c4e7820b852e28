package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What a stack is made of: where it listens, its regions, account, seed, clock, the resources it
 * creates at start, the interceptors every call passes and how much of its ledger it keeps. Immutable;
 * each {@code with*} returns a new value, so one base config can be shared by many test classes.
 *
 * <pre>{@code
 * try (Stack stack = StackConfig.defaults()
 *         .withQueue(QueueSpec.named("orders"))
 *         .withClock(ClockSpec.manual())
 *         .start()) {
 *     SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint()) ... ;
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StackConfig {

    /** The account id the stack answers as, LocalStack's habit too. */
    public static final String DEFAULT_ACCOUNT_ID = "000000000000";
    /** The region of unsigned requests and of resources declared without one. */
    public static final String DEFAULT_REGION = "us-east-1";

    /** Lambda's default concurrency quota per region. */
    public static final int DEFAULT_LAMBDA_CONCURRENCY = 1000;

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private final String host;
    private final int port;
    private final List<String> regions;
    private final String accountId;
    private final Long seed;
    private final ClockSpec clock;
    private final StackDeclarations declared;
    private final List<Interceptor> interceptors;
    private final int lambdaConcurrency;
    private final int ledgerLimit;

    private StackConfig(String host, int port, List<String> regions, String accountId, Long seed, ClockSpec clock,
            StackDeclarations declared, List<Interceptor> interceptors, int lambdaConcurrency, int ledgerLimit) {
        this.host = host;
        this.port = port;
        this.regions = Collections.unmodifiableList(regions);
        this.accountId = accountId;
        this.seed = seed;
        this.clock = clock;
        this.declared = declared;
        this.interceptors = Collections.unmodifiableList(interceptors);
        this.lambdaConcurrency = lambdaConcurrency;
        this.ledgerLimit = ledgerLimit;
    }

    /** Loopback, an ephemeral port, region us-east-1, a fresh random seed, the real clock, no resources. */
    public static StackConfig defaults() {
        return new StackConfig("127.0.0.1", 0, List.of(DEFAULT_REGION), DEFAULT_ACCOUNT_ID, null, ClockSpec.real(),
                StackDeclarations.NONE, List.of(), DEFAULT_LAMBDA_CONCURRENCY, 0);
    }

    /** Starts a stack of this config: shorthand for {@link Stack#start(StackConfig)}. */
    public Stack start() {
        return Stack.start(this);
    }

    /** The address to bind; loopback by default. */
    public StackConfig withHost(String host) {
        return new StackConfig(Objects.requireNonNull(host, "host"), port, regions, accountId, seed, clock, declared,
                interceptors, lambdaConcurrency, ledgerLimit);
    }

    /** The port to bind; 0 (the default) takes an ephemeral one. */
    public StackConfig withPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (ephemeral) or 1-65535, got " + port);
        }
        return new StackConfig(host, port, regions, accountId, seed, clock, declared, interceptors, lambdaConcurrency,
                ledgerLimit);
    }

    /**
     * The stack's regions; the first is the default for unsigned requests and for resources declared
     * without a region. Requests signed for any other region are served too, by a region created on
     * first use, as one endpoint serves every region. Declared tables, replicas, buckets, functions and
     * APIs must be in one of these regions.
     */
    public StackConfig withRegions(String... regions) {
        if (regions.length == 0) {
            throw new IllegalArgumentException("a stack needs at least one region");
        }
        for (String region : regions) {
            if (!REGION.matcher(region).matches()) {
                throw new IllegalArgumentException("'" + region + "' is not a region name like us-east-1");
            }
        }
        return new StackConfig(host, port, List.of(regions), accountId, seed, clock, declared, interceptors,
                lambdaConcurrency, ledgerLimit);
    }

    /** The 12-digit account id in ARNs and queue URLs. */
    public StackConfig withAccountId(String accountId) {
        if (!ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("an account id is 12 digits, got '" + accountId + "'");
        }
        return new StackConfig(host, port, regions, accountId, seed, clock, declared, interceptors, lambdaConcurrency,
                ledgerLimit);
    }

    /** The seed of the stack's random source; a run with the same seed and traffic replays. */
    public StackConfig withSeed(long seed) {
        return new StackConfig(host, port, regions, accountId, seed, clock, declared, interceptors, lambdaConcurrency,
                ledgerLimit);
    }

    /** This configuration with {@code clock} as the stack's clock. */
    public StackConfig withClock(ClockSpec clock) {
        return new StackConfig(host, port, regions, accountId, seed, Objects.requireNonNull(clock, "clock"), declared,
                interceptors, lambdaConcurrency, ledgerLimit);
    }

    /**
     * Adds a queue created at start. Declared queues are created dead-letter queues first, whatever the
     * order of declaration.
     */
    public StackConfig withQueue(QueueSpec queue) {
        return declaring(declared.queue(Objects.requireNonNull(queue, "queue")));
    }

    /** Adds an interceptor after those already added. */
    public StackConfig withInterceptor(Interceptor interceptor) {
        List<Interceptor> copy = new ArrayList<>(interceptors);
        copy.add(Objects.requireNonNull(interceptor, "interceptor"));
        return new StackConfig(host, port, regions, accountId, seed, clock, declared, copy, lambdaConcurrency,
                ledgerLimit);
    }

    /** Adds a Lambda function created at start (after the queues, before the APIs and buckets that use it). */
    public StackConfig withFunction(FunctionSpec function) {
        return declaring(declared.function(Objects.requireNonNull(function, "function")));
    }

    /** Adds an API Gateway API created at start (after the queues and functions it integrates with). */
    public StackConfig withApi(ApiSpec api) {
        return declaring(declared.api(Objects.requireNonNull(api, "api")));
    }

    /**
     * Adds a DynamoDB table created at start and again after every reset, before every other declared
     * resource, with its replicas when it is a global table.
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public StackConfig withTable(TableSpec table) {
        return declaring(declared.table(Objects.requireNonNull(table, "table")));
    }

    /**
     * Adds an S3 bucket created at start and again after every reset; its notifications are configured
     * once the queues and functions they go to exist.
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public StackConfig withBucket(BucketSpec bucket) {
        return declaring(declared.bucket(Objects.requireNonNull(bucket, "bucket")));
    }

    /**
     * Adds a resource file (a SAM/CloudFormation template or an init file) applied at start, after the
     * declared resources (so it may refer to them), and again after every reset, exactly as
     * {@link Stack#apply(Path)} applies it. A file that fails to apply fails the start with its error.
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public StackConfig withResourceFile(Path file) {
        return declaring(declared.resourceFile(Objects.requireNonNull(file, "file")));
    }

    private StackConfig declaring(StackDeclarations declarations) {
        return new StackConfig(host, port, regions, accountId, seed, clock, declarations, interceptors,
                lambdaConcurrency, ledgerLimit);
    }

    /** Lambda's concurrency limit of each region (AWS's default quota is 1,000). */
    public StackConfig withLambdaConcurrencyLimit(int executions) {
        if (executions < 1) {
            throw new IllegalArgumentException("the Lambda concurrency limit is at least 1, got " + executions);
        }
        return new StackConfig(host, port, regions, accountId, seed, clock, declared, interceptors, executions,
                ledgerLimit);
    }

    /**
     * Keeps only the newest {@code maxEntries} entries of the stack's {@link Ledger}: an append to a full
     * ledger evicts the oldest entry, so a long-running stack's memory stays bounded (an entry keeps about
     * 110-225 bytes of heap; see docs/benchmarks.md). A ledger that has evicted is incomplete, and checks
     * that need the whole record fail through {@link Ledger#requireComplete(String)}. 0, the default, keeps
     * every entry: a test's stack is small and its assertions want the whole record.
     */
    public StackConfig withLedgerLimit(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("the ledger limit is a number of entries to keep, at least 1, or 0"
                    + " to keep every entry; got " + maxEntries);
        }
        return new StackConfig(host, port, regions, accountId, seed, clock, declared, interceptors, lambdaConcurrency,
                maxEntries);
    }

    /** The declared tables, in declaration order. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public List<TableSpec> tables() {
        return declared.tables();
    }

    /** The declared buckets, in declaration order. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public List<BucketSpec> buckets() {
        return declared.buckets();
    }

    /** The resource files applied at start and after every reset, in declaration order. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public List<Path> resourceFiles() {
        return declared.resourceFiles();
    }

    /** The most ledger entries kept, or 0 for every entry. */
    public int ledgerLimit() {
        return ledgerLimit;
    }

    /** The declared functions. */
    public List<FunctionSpec> functions() {
        return declared.functions();
    }

    /** The declared APIs. */
    public List<ApiSpec> apis() {
        return declared.apis();
    }

    /** The account's Lambda concurrency limit. */
    public int lambdaConcurrencyLimit() {
        return lambdaConcurrency;
    }

    /** The host the stack binds. */
    public String host() {
        return host;
    }

    /** The port the stack binds, or 0 for an ephemeral one. */
    public int port() {
        return port;
    }

    /** The declared regions, the default one first. */
    public List<String> regions() {
        return regions;
    }

    /** The first declared region. */
    public String defaultRegion() {
        return regions.get(0);
    }

    /** The account id of every resource. */
    public String accountId() {
        return accountId;
    }

    /** The seed, or {@code null} for one drawn at start (and printed by the stack). */
    public Long seed() {
        return seed;
    }

    /** How the stack's clock runs. */
    public ClockSpec clock() {
        return clock;
    }

    /** The declared queues. */
    public List<QueueSpec> queues() {
        return declared.queues();
    }

    /** The interceptors, in the order calls pass them. */
    public List<Interceptor> interceptors() {
        return interceptors;
    }
}
