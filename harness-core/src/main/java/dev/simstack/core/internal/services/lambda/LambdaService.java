package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.SqsEventSource;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.Errors;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.QueueSink;
import dev.simstack.core.internal.engine.ScratchDirectory;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.services.sqs.SqsPort;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.protocol.restjson.RestJsonRoutes;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AWS Lambda with in-process Java functions: the REST-JSON management and Invoke API, an execution
 * environment pool per function under reserved and account concurrency, asynchronous invocation with
 * retries and destinations, and event source mappings from SQS queues and DynamoDB streams. Handlers run on this stack's own executor.
 */
public final class LambdaService implements Service {

    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("lambda", null, "1.1",
            "com.amazonaws.lambda", false, false, null);

    private final LambdaRegions regions;
    private final ExecutorService executor;
    private final FunctionRuntime runtime;
    private final InvocationLogs logs = new InvocationLogs();
    private final FunctionActions functions;
    private final CodeUploads uploads;
    private final AsyncInvocations async;
    private final OperationTable<LambdaOperation> operations =
            OperationTable.forRest(operation -> Errors.notSupported("Lambda's " + operation));
    private final MappingActions mappings;
    private final StreamMappingActions streamMappings;
    private final LambdaPort port;

    /**
     * @param sqs the stack's SQS, which event source mappings poll
     * @param sink where asynchronous invocations deliver destinations and dead letters
     * @param accountConcurrency the concurrency limit of each region
     * @param handlers the class loader handlers are loaded from (the test classpath) when a function's code is
     *     not a package of its own; the Lambda runtime types uploaded packages share come from it too
     * @param scratch where uploaded packages are unpacked
     * @param codeObjects the S3 objects a function's code may name
     * @param streams the DynamoDB table streams that stream event source mappings read
     */
    public LambdaService(StackContext context, SqsPort sqs, QueueSink sink, int accountConcurrency,
            ClassLoader handlers, String stackName, ScratchDirectory scratch, CodeObjects codeObjects,
            StreamSource streams) {
        this.regions = new LambdaRegions(context, accountConcurrency);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, stackName + "-lambda-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.runtime = new FunctionRuntime(context, new HandlerInvoker(handlers), executor, logs);
        this.async = new AsyncInvocations(context, runtime, sink);
        this.uploads = new CodeUploads(scratch, codeObjects);
        this.functions = new FunctionActions(regions, uploads);
        functions.register(operations);
        new VersionActions(regions).register(operations);
        new ConcurrencyActions(regions).register(operations);
        this.port = new LambdaPort(regions, runtime, async);
        new InvokeAction(port).register(operations);
        InProcessSqs queues = new InProcessSqs(sqs);
        this.streamMappings = new StreamMappingActions(regions, streams, port, sink, queues);
        this.mappings = new MappingActions(regions, queues, port, streamMappings);
        mappings.register(operations);
    }

    LambdaRegions regions() {
        return regions;
    }

    /** Reads uploaded packages (and packages a data directory kept). */
    CodeUploads uploads() {
        return uploads;
    }

    /** Starts polling for a mapping reloaded from a snapshot, as CreateEventSourceMapping does. */
    void startMapping(LambdaRegion region, EventSourceMapping mapping) {
        mappings.start(region, mapping);
    }

    /** Starts a stream mapping reloaded from a snapshot; false when its table's stream is gone. */
    boolean startStreamMapping(LambdaRegion region, StreamMapping mapping) {
        return streamMappings.restore(region.name(), mapping);
    }

    /** The REST-JSON operations of the Lambda API. */
    public static RestJsonRoutes routes() {
        return LambdaRoutes.ROUTES;
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CompletionStage<JsonNode> invoke(DecodedCall call) {
        return operations.handler(call).invoke(call, new Input(call.input()));
    }

    /** Whether function {@code name} exists in {@code region} (loaded from a data directory, say). */
    public boolean hasFunction(String region, String name) {
        return regions.region(region).functions().find(name) != null;
    }

    /** The names of the functions of every region that has any, by region, each list sorted. */
    public java.util.SortedMap<String, List<String>> functionNames() {
        java.util.SortedMap<String, List<String>> names = new java.util.TreeMap<>();
        for (LambdaRegion region : regions.all()) {
            List<String> functions = region.functions().list().stream().map(LambdaFunction::name).toList();
            if (!functions.isEmpty()) {
                names.put(region.name(), functions);
            }
        }
        return names;
    }

    /** Every event source mapping of every region, queue to function, for reports. */
    public List<dev.simstack.core.internal.engine.ResourceLink> mappingLinks() {
        List<dev.simstack.core.internal.engine.ResourceLink> links = new java.util.ArrayList<>();
        for (LambdaRegion region : regions.all()) {
            for (SqsPoller poller : region.mappings().list()) {
                var from = dev.simstack.core.internal.engine.ResourceLink.refOrNull(poller.mapping().queueArn());
                var to = dev.simstack.core.internal.engine.ResourceLink.refOrNull(poller.mapping().functionArn());
                if (from != null && to != null) {
                    links.add(new dev.simstack.core.internal.engine.ResourceLink(from, to,
                            "batch " + poller.mapping().batchSize()));
                }
            }
        }
        return links;
    }

    /** Creates a function declared in the stack's configuration. */
    public void declareFunction(String region, FunctionSpec spec) {
        FunctionConfig config = new FunctionConfig(spec.handler(), spec.runtime(), (int) spec.timeout().getSeconds(),
                spec.memorySize(), spec.environment(), "arn:aws:iam::" + regions.context().accountId()
                        + ":role/simstack", "", null, spec.coldStartDelay().toMillis(), FunctionCode.classPath("", 0));
        LambdaFunction function = functions.create(region, spec.name(), config);
        if (spec.reservedConcurrency() != null) {
            ConcurrencyActions.setReserved(regions.region(region), function, spec.reservedConcurrency());
        }
    }

    /**
     * The UUID of the event source mapping of queue {@code queueArn} to function {@code functionName} (which
     * exists) in {@code region}, or null if there is none.
     */
    public String mappingUuid(String region, String functionName, String queueArn) {
        EventSourceMapping mapping = mappings.find(region, functionName, queueArn);
        return mapping == null ? null : mapping.uuid();
    }

    /**
     * Creates an SQS event source mapping a function declares, polling from now on; CreateEventSourceMapping's
     * rules and errors apply (an {@code AwsException} with Lambda's code and message). Answers its UUID.
     */
    public String declareMapping(String region, String functionName, String queueArn, SqsEventSource source) {
        return mappings.declare(region, functionName, queueArn, source).uuid();
    }

    /**
     * The class loader of the uploaded package of function {@code name}'s {@code version} ({@code $LATEST} or a
     * number), once an invocation has loaded it; null if the function, the version or its loader does not exist.
     * Tests observe through it that a deleted function's loader is closed and collected.
     */
    public ClassLoader codeLoader(String region, String name, String version) {
        LambdaFunction function = regions.region(region).functions().find(name);
        return function == null ? null : function.loader(version);
    }

    /**
     * The UUID of the event source mapping of stream {@code streamArn} to function {@code functionName} (which
     * exists) in {@code region}, or null if there is none.
     */
    public String streamMappingUuid(String region, String functionName, String streamArn) {
        return streamMappings.find(region, functionName, streamArn);
    }

    /**
     * Creates a DynamoDB stream event source mapping a function declares; CreateEventSourceMapping's rules and
     * errors apply (an {@code AwsException} with Lambda's code and message). Answers its UUID.
     */
    public String declareStreamMapping(String region, String functionName, String streamArn,
            dev.simstack.core.DynamoDbEventSource source) {
        return streamMappings.declare(region, functionName, streamArn, source);
    }

    /** Tells handlers where the stack listens ({@code AWS_ENDPOINT_URL}), once the front door is bound. */
    public void endpoint(String url) {
        runtime.endpoint(url);
    }

    /** The lines invocation {@code requestId} logged. */
    public List<String> logs(String requestId) {
        return logs.lines(requestId);
    }

    /** The typed Invoke the engine's own callers use (and the Invoke operation decodes into). */
    public LambdaPort port() {
        return port;
    }

    /**
     * Mappings stop first, so no poller starts an invocation on the emptied state; handlers already running
     * run to their end with their outcome dropped (not in the ledger, no batch deleted, no retry or
     * destination), because a handler cannot be stopped safely from outside.
     */
    @Override
    public Runnable reset() {
        regions.reset();
        runtime.abandonRunning();
        logs.clear();
        return () -> { };
    }

    @Override
    public void close() {
        regions.all().forEach(region -> region.mappings().close());
        regions.all().forEach(region -> region.functions().list().forEach(LambdaFunction::discard));
        executor.shutdownNow();
        try {
            // handlers are interrupted; one that ignores it is left behind rather than hanging close()
            executor.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
