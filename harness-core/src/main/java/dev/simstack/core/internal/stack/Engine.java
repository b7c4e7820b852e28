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
import dev.simstack.core.internal.services.sqs.SqsService;
import dev.simstack.core.internal.protocol.restjson.RestJsonCodec;
import dev.simstack.core.internal.services.lambda.LambdaService;
import dev.simstack.core.internal.services.apigateway.ApiGatewayService;
import dev.simstack.core.internal.services.cloudformation.CloudFormationService;
import dev.simstack.core.internal.services.iam.IamService;
import dev.simstack.core.internal.services.cloudformation.StackTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    /** The default account's services (the stack's handles address them) and every other account's. */
    private final Accounts accounts;
    private final AccountServices home;
    /** Runs the calls that work long (S3's copies) off the event loops; no thread until the first such call. */
    private final ExecutorService workers;
    /** What CloudFormation makes stacks with; given by the Stack that wraps this engine (it lives above). */
    private volatile StackTemplates templates;
    /** The URL functions reach the stack at, once the port is bound; a Lambda service built later reads it. */
    private volatile String lambdaEndpoint;
    private final ScratchDirectory scratch;
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
        this.workers = workerThreads(name);
        long seed = config.seed() != null ? config.seed() : System.nanoTime() ^ 0x5DEECE66DL;
        Activity activity = new Activity();
        SimClock clock = clock(config.clock(), timers, activity);
        this.context = new StackContext(clock, new SimRandom(seed), new IdSource(seed),
                new AppendOnlyLedger(clock, config.ledgerLimit()), config.accountId(), config.defaultRegion(),
                config.interceptors(), activity);
        this.scratch = new ScratchDirectory(name);
        // The starting thread's class loader, not the first caller's: handlers are test classes it sees.
        AccountServices.Shared shared = new AccountServices.Shared(config.accountId(), scratch, handlerClassLoader(),
                name, config.lambdaConcurrencyLimit(), () -> lambdaEndpoint);
        this.home = new AccountServices(context, shared, () -> templates);
        // Another account shares everything but its state: the same clock, sources, ledger and interceptors.
        this.accounts = new Accounts(home, accountId -> new AccountServices(new StackContext(clock, context.random(),
                context.ids(), context.ledger(), accountId, context.defaultRegion(), context.interceptors(), activity),
                shared, null));
        try {
            load.accept(this);
        } catch (RuntimeException e) {
            timers.shutdownNow();
            workers.shutdownNow();
            scratch.close();
            throw e;
        }
        // The REST codecs carry S3's operation table and Lambda's and API Gateway's route tables: built on
        // the first REST request, so a stack that only uses queues never loads them (start-up time).
        Router router = new Router(home.registry(), new AwsJsonCodec(), new AwsQueryCodec(),
                new LazyCodec(() -> new RestXmlCodec(S3Service.operationTable(), clock)),
                new LazyCodec(() -> new RestJsonCodec(
                        Map.of("lambda", LambdaService.routes(), "apigateway", ApiGatewayService.routes()))));
        this.dispatcher = new Dispatcher(context, router, new AccountBoundary(accounts), config.interceptors(), gate,
                context.activity().counting(workers),
                new HealthEndpoint(home.registry(), Engine.class.getPackage().getImplementationVersion() == null
                        ? "dev" : Engine.class.getPackage().getImplementationVersion()),
                new ResetEndpoint(signingNames(), names -> resetHandler.apply(names), name));
        this.localDoor = new LocalDoor(dispatcher, scratch);
        try {
            this.frontDoor = FrontDoor.bind(config.host(), config.port(), dispatcher, name, EVENT_LOOP_THREADS,
                    scratch);
        } catch (RuntimeException e) {
            timers.shutdownNow();
            workers.shutdownNow();
            scratch.close();
            throw e;
        }
        this.hostAndPort = hostForUrls(config.host()) + ":" + frontDoor.port();
        lambdaEndpoint = "http://" + hostAndPort;
        accounts.built().forEach(account -> account.lambda().ifBuilt(built -> built.endpoint(lambdaEndpoint)));
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
        if (!names.isEmpty()) {
            servicesNamed(home, names); // unknown names fail before anything is emptied
        }
        List<Service> order = new ArrayList<>();
        for (AccountServices account : accounts.built()) {
            List<Service> services = names.isEmpty() ? new ArrayList<>(account.registry().all())
                    : servicesNamed(account, names);
            // Lambda first: its pollers stop before the queues they long-poll answer them empty.
            services.sort(java.util.Comparator.comparing(service -> service == account.lambda() ? 0 : 1));
            order.addAll(services);
        }
        List<Runnable> releases = new ArrayList<>();
        gate.exclusive(() -> {
            order.forEach(service -> releases.add(service.reset()));
            if (names.isEmpty()) {
                context.ledger().clear();
            }
        });
        releases.forEach(Runnable::run);
    }

    private List<Service> servicesNamed(AccountServices account, Set<String> names) {
        List<Service> named = new ArrayList<>();
        for (String name : names) {
            Service service = account.registry().bySigningName(name);
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
        return home.registry().all().stream().map(service -> service.descriptor().signingName()).toList();
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
        return home.sqs();
    }

    public S3Service s3() {
        return home.s3().get();
    }

    public LambdaService lambda() {
        return home.lambda().get();
    }

    public ApiGatewayService apiGateway() {
        return home.apiGateway().get();
    }

    public IamService iam() {
        return home.iam().get();
    }

    /** IAM's service if a call or a reload built it, else null: its state is then empty. */
    public IamService iamIfBuilt() {
        IamService[] built = new IamService[1];
        home.iam().ifBuilt(service -> built[0] = service);
        return built[0];
    }

    public CloudFormationService cloudFormation() {
        return home.cloudFormation().get();
    }

    /** CloudFormation's service if a call or a reload built it, else null: its state is then empty. */
    public CloudFormationService cloudFormationIfBuilt() {
        CloudFormationService[] built = new CloudFormationService[1];
        home.cloudFormation().ifBuilt(service -> built[0] = service);
        return built[0];
    }

    /** Handlers are test classes: the starting thread's class loader sees them (Surefire, IDEs). */
    private static ClassLoader handlerClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : Engine.class.getClassLoader();
    }

    public DynamoDbService dynamodb() {
        return home.dynamodb().get();
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
            accounts.built().forEach(AccountServices::close);
            timers.shutdownNow();
            workers.shutdownNow(); // a copy in progress is interrupted; its connection is closed already
            awaitQuietly();
            scratch.close();
        }
    }

    private void awaitQuietly() {
        try {
            timers.awaitTermination(2, TimeUnit.SECONDS);
            workers.awaitTermination(2, TimeUnit.SECONDS); // before the scratch files they write go
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

    private static ExecutorService workerThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name + "-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
