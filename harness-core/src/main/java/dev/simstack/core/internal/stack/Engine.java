package dev.simstack.core.internal.stack;

import dev.simstack.core.AppliedResources;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.SimClock;
import dev.simstack.core.SimRandom;
import dev.simstack.core.StackConfig;
import dev.simstack.core.internal.clock.ManualClock;
import dev.simstack.core.internal.clock.WallClock;
import dev.simstack.core.internal.engine.Activity;
import dev.simstack.core.internal.engine.IdSource;
import dev.simstack.core.internal.engine.ResetGate;
import dev.simstack.core.internal.engine.ScratchDirectory;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.ledger.AppendOnlyLedger;
import dev.simstack.core.internal.protocol.json.AwsJsonCodec;
import dev.simstack.core.internal.protocol.query.AwsQueryCodec;
import dev.simstack.core.internal.protocol.restxml.RestXmlCodec;
import dev.simstack.core.internal.server.FrontDoor;
import dev.simstack.core.internal.server.LocalDoor;
import dev.simstack.core.internal.services.s3.S3Service;
import dev.simstack.core.internal.services.dynamodb.DynamoDbService;
import dev.simstack.core.internal.services.dynamodb.streams.DynamoDbStreamsService;
import dev.simstack.core.internal.services.sqs.SqsService;
import dev.simstack.core.internal.protocol.restjson.RestJsonCodec;
import dev.simstack.core.internal.services.lambda.LambdaService;
import dev.simstack.core.internal.services.apigateway.ApiGatewayService;
import dev.simstack.core.internal.services.iam.IamService;
import dev.simstack.core.internal.services.sts.StsService;
import dev.simstack.core.internal.services.cloudformation.CloudFormationService;
import dev.simstack.core.internal.services.cloudformation.StackTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running stack: its clock and timer thread, random and id sources, ledger, services and front
 * door. Built and started by {@link dev.simstack.core.Stack#start}; {@link #close()} releases the port
 * and every thread.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** Numbers stacks in thread names only; no stack reads another's state. */
    private static final AtomicInteger STACK_NUMBERS = new AtomicInteger();
    private static final int EVENT_LOOP_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private final StackConfig config;
    private final StackContext context;
    private final ScheduledThreadPoolExecutor timers;
    private final SqsService sqs;
    // Built on first use (start-up time): a stack that only uses queues never loads the others' classes.
    private final LazyService<DynamoDbService> dynamodb;
    private final LazyService<S3Service> s3;
    private final LazyService<LambdaService> lambda;
    private final LazyService<ApiGatewayService> apiGateway;
    private final LazyService<IamService> iam;
    private final LazyService<StsService> sts;
    private final LazyService<CloudFormationService> cloudFormation;
    /** What CloudFormation makes stacks with; given by the Stack that wraps this engine (it lives above). */
    private volatile StackTemplates templates;
    /** The URL functions reach the stack at, once the port is bound; a Lambda service built later reads it. */
    private volatile String lambdaEndpoint;
    private final ScratchDirectory scratch;
    private final ServiceRegistry services = new ServiceRegistry();
    private final ResetGate gate = new ResetGate();
    /** What the reset endpoint runs: the stack's reset (with its listeners) once a Stack wraps this engine. */
    private volatile Function<Set<String>, List<AppliedResources.Resource>> resetHandler = names -> {
        reset(names);
        return List.of();
    };
    private final FrontDoor frontDoor;
    private final Dispatcher dispatcher;
    /** The same requests without a socket, for the SDK's in-process HTTP client. */
    private final LocalDoor localDoor;
    private final String hostAndPort;

    public Engine(StackConfig config) {
        this(config, engine -> { });
    }

    /**
     * A stack whose state {@code load} fills (from a data directory) after the services exist and before
     * the port is bound, so no request ever sees a half-loaded state.
     */
    public Engine(StackConfig config, java.util.function.Consumer<Engine> load) {
        this.config = config;
        String name = "simstack-" + STACK_NUMBERS.incrementAndGet();
        this.timers = timerThread(name);
        long seed = config.seed() != null ? config.seed() : System.nanoTime() ^ 0x5DEECE66DL;
        Activity activity = new Activity();
        SimClock clock = clock(config.clock(), timers, activity);
        this.context = new StackContext(clock, new SimRandom(seed), new IdSource(seed),
                new AppendOnlyLedger(clock, config.ledgerLimit()), config.accountId(), config.defaultRegion(),
                config.interceptors(), activity);
        this.sqs = new SqsService(context);
        services.register(sqs);
        this.scratch = new ScratchDirectory(name);
        this.s3 = new LazyService<>(S3Service.DESCRIPTOR,
                () -> new S3Service(context, scratch, new SqsQueueSink(sqs.port(), context), this::invokeFunction));
        this.dynamodb = new LazyService<>(DynamoDbService.DESCRIPTOR,
                () -> new DynamoDbService(context, new S3ForDynamoDb(s3::get, context.accountId())));
        services.register(dynamodb);
        services.register(new LazyService<>(DynamoDbStreamsService.DESCRIPTOR,
                () -> new DynamoDbStreamsService(context, region -> dynamodb.get().streamedTables(region))));
        services.register(s3);
        ClassLoader handlers = handlerClassLoader(); // the starting thread's, not the first caller's
        this.lambda = new LazyService<>(LambdaService.DESCRIPTOR, () -> {
            LambdaService built = new LambdaService(context, sqs.port(), new SqsQueueSink(sqs.port(), context),
                    config.lambdaConcurrencyLimit(), handlers, name, scratch, this::functionCode,
                    (region, streamArn) -> dynamodb.get().streamByArn(region, streamArn));
            if (lambdaEndpoint != null) {
                built.endpoint(lambdaEndpoint);
            }
            return built;
        });
        services.register(lambda);
        this.apiGateway = new LazyService<>(ApiGatewayService.DESCRIPTOR,
                () -> new ApiGatewayService(context, lambda.get().port(), sqs.port()));
        services.register(apiGateway);
        this.iam = new LazyService<>(IamService.DESCRIPTOR, () -> new IamService(context));
        services.register(iam);
        this.sts = new LazyService<>(StsService.DESCRIPTOR, () -> new StsService(context, role -> iam.get().role(role),
                (accessKeyId, region) -> iam.get().keyOwner(accessKeyId, region)));
        services.register(sts);
        this.cloudFormation = new LazyService<>(CloudFormationService.DESCRIPTOR,
                () -> new CloudFormationService(context, () -> templates));
        services.register(cloudFormation);
        try {
            load.accept(this);
        } catch (RuntimeException e) {
            timers.shutdownNow();
            scratch.close();
            throw e;
        }
        // The REST codecs carry S3's operation table and Lambda's and API Gateway's route tables: built on
        // the first REST request, so a stack that only uses queues never loads them (start-up time).
        Router router = new Router(services, new AwsJsonCodec(), new AwsQueryCodec(),
                new LazyCodec(() -> new RestXmlCodec(S3Service.operationTable(), clock)),
                new LazyCodec(() -> new RestJsonCodec(
                        Map.of("lambda", LambdaService.routes(), "apigateway", ApiGatewayService.routes()))));
        this.dispatcher = new Dispatcher(context, router, config.interceptors(), gate,
                new HealthEndpoint(services, Engine.class.getPackage().getImplementationVersion() == null ? "dev"
                        : Engine.class.getPackage().getImplementationVersion()),
                new ResetEndpoint(signingNames(), names -> resetHandler.apply(names), name));
        this.localDoor = new LocalDoor(dispatcher, scratch);
        try {
            this.frontDoor = FrontDoor.bind(config.host(), config.port(), dispatcher, name, EVENT_LOOP_THREADS,
                    scratch);
        } catch (RuntimeException e) {
            timers.shutdownNow();
            scratch.close();
            throw e;
        }
        this.hostAndPort = hostForUrls(config.host()) + ":" + frontDoor.port();
        lambdaEndpoint = "http://" + hostAndPort;
        lambda.ifBuilt(built -> built.endpoint(lambdaEndpoint));
        LOG.debug("stack {} listening on {} with seed {} and a {} clock", name, hostAndPort, seed, config.clock());
    }

    /**
     * Empties the services named by signing name ({@code sqs}, {@code dynamodb}, ...; every service when
     * {@code names} is empty) in every region, and the ledger with them when every service goes; the
     * stack then creates its declared resources again. The clock, the random and id sources, the port
     * and clients stay as they are. Calls in progress finish before the services are emptied, or start
     * after it; files the emptied state held (S3's) are deleted after that, while calls run again.
     *
     * @throws IllegalArgumentException if a name is not one of the stack's services
     */
    public void reset(Set<String> names) {
        List<Service> order = names.isEmpty() ? new ArrayList<>(services.all()) : servicesNamed(names);
        // Lambda first: its pollers stop before the queues they long-poll answer them empty.
        order.sort(java.util.Comparator.comparing(service -> service == lambda ? 0 : 1));
        List<Runnable> releases = new ArrayList<>();
        gate.exclusive(() -> {
            order.forEach(service -> releases.add(service.reset()));
            if (names.isEmpty()) {
                context.ledger().clear();
            }
        });
        releases.forEach(Runnable::run);
    }

    private List<Service> servicesNamed(Set<String> names) {
        List<Service> named = new ArrayList<>();
        for (String name : names) {
            Service service = services.bySigningName(name);
            if (service == null) {
                throw new IllegalArgumentException("this stack has no service '" + name + "' to reset; it has "
                        + signingNames());
            }
            named.add(service);
        }
        return named;
    }

    /** Routes the reset endpoint to {@code handler} (the stack's reset, which adds its listeners' work). */
    public void resetHandler(Function<Set<String>, List<AppliedResources.Resource>> handler) {
        this.resetHandler = handler;
    }

    /** Gives CloudFormation the template support that makes its stacks' resources. */
    public void templates(StackTemplates support) {
        this.templates = support;
    }

    /** The signing names of the services, in registration order. */
    public List<String> signingNames() {
        return services.all().stream().map(service -> service.descriptor().signingName()).toList();
    }

    /**
     * Answers {@code exchange} as if it had arrived on the stack's port, without a socket: the same
     * codecs, interceptors, services and ledger. Resource files use it to create what they declare.
     */
    public java.util.concurrent.CompletionStage<dev.simstack.core.internal.protocol.HttpAnswer> handleLocally(
            dev.simstack.core.internal.protocol.HttpExchange exchange) {
        return dispatcher.handle(exchange);
    }

    /** The door in-process clients knock at: the same path as the port's, without the socket. */
    public LocalDoor localDoor() {
        return localDoor;
    }

    public StackContext context() {
        return context;
    }

    public StackConfig config() {
        return config;
    }

    public int port() {
        return frontDoor.port();
    }

    /** {@code host:port} as clients should write it in URLs. */
    public String hostAndPort() {
        return hostAndPort;
    }

    public SqsService sqs() {
        return sqs;
    }

    public S3Service s3() {
        return s3.get();
    }

    public LambdaService lambda() {
        return lambda.get();
    }

    public ApiGatewayService apiGateway() {
        return apiGateway.get();
    }

    public IamService iam() {
        return iam.get();
    }

    /** IAM's service if a call or a reload built it, else null: its state is then empty. */
    public IamService iamIfBuilt() {
        IamService[] built = new IamService[1];
        iam.ifBuilt(service -> built[0] = service);
        return built[0];
    }

    public CloudFormationService cloudFormation() {
        return cloudFormation.get();
    }

    /** CloudFormation's service if a call or a reload built it, else null: its state is then empty. */
    public CloudFormationService cloudFormationIfBuilt() {
        CloudFormationService[] built = new CloudFormationService[1];
        cloudFormation.ifBuilt(service -> built[0] = service);
        return built[0];
    }

    /**
     * S3's notifications invoke functions as AWS services do, asynchronously: the result is not awaited
     * (the function's failures show in the ledger and its logs, not to the notifying write).
     */
    private void invokeFunction(dev.simstack.core.ResourceRef function, byte[] event, String trigger) {
        try {
            // An Event invocation, as S3 makes it: AWS's two retries and the function's destinations apply.
            lambda.get().port().invokeEvent(function, null, event, trigger);
        } catch (dev.simstack.core.AwsException gone) {
            // The function was deleted after the notification was configured: AWS drops the event too.
            LOG.debug("S3 notification to {} dropped: {}", function, gone.getMessage());
        }
    }

    /** Handlers are test classes: the starting thread's class loader sees them (Surefire, IDEs). */
    /**
     * The bytes of the S3 object a function's code names; a bucket of another region answers S3's
     * PermanentRedirect, as Lambda reads only from its own region.
     */
    private byte[] functionCode(String region, String bucket, String key, String versionId) {
        var view = s3.get().view(bucket);
        if (view != null && !view.region().equals(region)) {
            throw new dev.simstack.core.AwsException("PermanentRedirect", 301, "The bucket is in this region: "
                    + view.region() + ". Please use this region to retry the request");
        }
        return s3.get().port().getObject(dev.simstack.core.ResourceRef.bucket(region, context.accountId(), bucket),
                key, versionId).bytes();
    }

    private static ClassLoader handlerClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : Engine.class.getClassLoader();
    }

    public DynamoDbService dynamodb() {
        return dynamodb.get();
    }

    /**
     * Closes the port and finishes the requests in progress, leaving the state in place (a final save
     * then sees every acknowledged write); {@link #close()} still releases the rest.
     */
    public void stopServing() {
        localDoor.close();
        frontDoor.close();
    }

    @Override
    public void close() {
        try {
            localDoor.close();
            if (frontDoor != null) {
                frontDoor.close();
            }
        } finally {
            if (lambda != null) {
                lambda.close(); // stop the pollers before the queues they long-poll close
            }
            for (Service service : services.all()) {
                service.close();
            }
            timers.shutdownNow();
            awaitQuietly();
            scratch.close();
        }
    }

    private void awaitQuietly() {
        try {
            timers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SimClock clock(ClockSpec spec, ScheduledThreadPoolExecutor timers, Activity activity) {
        switch (spec.mode()) {
            case MANUAL:
                return new ManualClock(spec.start(), timers, activity);
            case SCALED:
                return new WallClock(spec.scale(), timers);
            default:
                return new WallClock(1.0, timers);
        }
    }

    private static ScheduledThreadPoolExecutor timerThread(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name + "-timer");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    private static String hostForUrls(String bindHost) {
        return bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "localhost" : bindHost;
    }
}
