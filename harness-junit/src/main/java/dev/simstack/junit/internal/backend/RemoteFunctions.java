package dev.simstack.junit.internal.backend;

import dev.simstack.core.DynamoDbEventSource;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.SqsEventSource;
import dev.simstack.junit.internal.Misuse;
import dev.simstack.junit.internal.SdkClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;

/**
 * Creates declared functions through Lambda's API from handler classes on the test class path: each packaged
 * as a deployment zip ({@link FunctionPackage}), uploaded directly or, above Lambda's 50 MB, through the run's
 * package bucket ({@link PackageBuckets}), created with the class's execution role, waited until {@code Active},
 * then its SQS event sources and its tables' streams mapped; all deleted after the class, mappings first.
 */
final class RemoteFunctions {

    /** How long a new IAM role may take to reach Lambda (AWS answers "cannot be assumed" until it has). */
    private static final Duration ROLE_PROPAGATION = Duration.ofSeconds(40);

    private final RemoteTarget target;
    private final SdkClients clients;
    private final RemoteResources resources;
    private final List<String> excluded;
    private final ClassLoader testLoader;
    private final Map<String, String> backendNames;
    private final Map<Path, FunctionPackage> packages = new HashMap<>();
    private final long directUploadLimit;
    private final PackageBuckets packageBuckets;

    /**
     * @param excluded jar name prefixes the run leaves out of packages
     * @param backendNames declared resource names to their names on the backend (environment values are renamed)
     * @param directUploadLimit the most zipped bytes uploaded directly; bigger packages go through S3
     */
    RemoteFunctions(RemoteTarget target, SdkClients clients, RemoteResources resources, List<String> excluded,
            ClassLoader testLoader, Map<String, String> backendNames, long directUploadLimit) {
        this.target = target;
        this.clients = clients;
        this.resources = resources;
        this.excluded = excluded;
        this.testLoader = testLoader;
        this.backendNames = backendNames;
        this.directUploadLimit = directUploadLimit;
        this.packageBuckets = new PackageBuckets(target, clients, resources);
    }

    void create(List<FunctionSpec> specs) {
        String role = ExecutionRole.forFunctions(target, resources);
        for (FunctionSpec spec : specs) {
            String region = target.regionOf(spec.region());
            LambdaClient lambda = (LambdaClient) clients.client(LambdaClient.class, region);
            String name = target.name(spec.name());
            createFunction(lambda, request(spec, name, role, region));
            resources.created("function", name, region, () -> lambda.deleteFunction(b -> b.functionName(name)));
            lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
            if (spec.reservedConcurrency() != null) {
                lambda.putFunctionConcurrency(b -> b.functionName(name)
                        .reservedConcurrentExecutions(spec.reservedConcurrency()));
            }
            for (SqsEventSource source : spec.sqsEvents()) {
                map(lambda, source, name, region);
            }
            for (DynamoDbEventSource source : spec.dynamoDbEvents()) {
                mapStream(lambda, source, name, region);
            }
        }
    }

    private CreateFunctionRequest request(FunctionSpec spec, String name, String role, String region) {
        FunctionPackage code = packageOf(spec);
        code.checkSize(spec.name());
        FunctionCode.Builder location = FunctionCode.builder();
        if (code.uploadsDirectly(directUploadLimit)) {
            location.zipFile(SdkBytes.fromByteArray(code.zip()));
        } else {
            PackageBuckets.Location object = packageBuckets.upload(code, name, region);
            location.s3Bucket(object.bucket()).s3Key(object.key());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        // The function's code runs on the backend, beyond the injected clients' renaming: a value naming a
        // declared resource is given the resource's name there.
        spec.environment().forEach((key, value) -> environment.put(key, backendNames.getOrDefault(value, value)));
        return CreateFunctionRequest.builder().functionName(name).role(role).handler(spec.handler())
                .runtime(runtime()).memorySize(spec.memorySize()).timeout((int) spec.timeout().getSeconds())
                .environment(e -> e.variables(environment)).code(location.build())
                .tags(Map.of(RemoteStack.RUN_TAG, target.runId())).build();
    }

    /** The running JVM's Lambda runtime: the test classes were compiled for it, so it runs them. */
    private static String runtime() {
        return Runtime.version().feature() >= 21 ? "java21" : "java17";
    }

    private FunctionPackage packageOf(FunctionSpec spec) {
        String className = spec.handler().contains("::") ? spec.handler().substring(0, spec.handler().indexOf("::"))
                : spec.handler();
        Class<?> handler;
        try {
            handler = Class.forName(className, false, testLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new Misuse("the handler " + className + " of function '" + spec.name() + "' is not on the test"
                    + " class path, so it cannot be packaged for the backend", e);
        }
        return packages.computeIfAbsent(FunctionPackage.entryOf(handler),
                entry -> FunctionPackage.of(entry, FunctionPackage.testClassPath(), excluded));
    }

    /** Creates the function, waiting on AWS for a role created a moment ago to become assumable. */
    private void createFunction(LambdaClient lambda, CreateFunctionRequest request) {
        long deadline = System.nanoTime() + ROLE_PROPAGATION.toNanos();
        while (true) {
            try {
                lambda.createFunction(request);
                return;
            } catch (InvalidParameterValueException e) {
                if (!target.prefixed() || !e.getMessage().contains("cannot be assumed")
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the execution role to reach Lambda", e);
        }
    }

    private void map(LambdaClient lambda, SqsEventSource source, String function, String region) {
        String queueArn = resources.queueArn(region, source.queueName());
        if (queueArn == null) {
            throw new Misuse("function '" + function + "' maps queue '" + source.queueName() + "', which is not"
                    + " declared in " + region + ": declare it, e.g. @Queue(name = \"" + source.queueName() + "\")");
        }
        CreateEventSourceMappingRequest.Builder request = CreateEventSourceMappingRequest.builder()
                .functionName(function).eventSourceArn(queueArn).batchSize(source.batchSize())
                .enabled(source.enabled());
        if (!source.batchingWindow().isZero()) {
            request.maximumBatchingWindowInSeconds((int) source.batchingWindow().getSeconds());
        }
        if (source.maximumConcurrency() != null) {
            request.scalingConfig(s -> s.maximumConcurrency(source.maximumConcurrency()));
        }
        if (source.reportBatchItemFailures()) {
            request.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        }
        String uuid = lambda.createEventSourceMapping(request.build()).uuid();
        resources.created("event source mapping", target.name(source.queueName()) + " -> " + function, region,
                () -> lambda.deleteEventSourceMapping(b -> b.uuid(uuid)));
    }

    /** Maps the stream of a declared table to {@code function}, as {@code CreateEventSourceMapping} does. */
    private void mapStream(LambdaClient lambda, DynamoDbEventSource source, String function, String region) {
        DynamoDbClient dynamo = (DynamoDbClient) clients.client(DynamoDbClient.class, region);
        String table = target.name(source.tableName());
        String streamArn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        if (streamArn == null) {
            throw new Misuse("function '" + function + "' reads the stream of table '" + source.tableName()
                    + "', which has none: declare the table with a stream, e.g. TableSpec.withStream(...)");
        }
        CreateEventSourceMappingRequest.Builder request = CreateEventSourceMappingRequest.builder()
                .functionName(function).eventSourceArn(streamArn).batchSize(source.batchSize())
                .startingPosition(EventSourcePosition.fromValue(source.startingPosition().name()))
                .bisectBatchOnFunctionError(source.bisectBatchOnFunctionError())
                .maximumRetryAttempts(source.maximumRetryAttempts()).enabled(source.enabled());
        if (!source.batchingWindow().isZero()) {
            request.maximumBatchingWindowInSeconds((int) source.batchingWindow().getSeconds());
        }
        if (source.maximumRecordAge() != null) {
            request.maximumRecordAgeInSeconds((int) source.maximumRecordAge().getSeconds());
        }
        if (source.reportBatchItemFailures()) {
            request.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        }
        if (source.onFailureQueue() != null) {
            String queueArn = resources.queueArn(region, source.onFailureQueue());
            if (queueArn == null) {
                throw new Misuse("function '" + function + "' sends failed batches to queue '"
                        + source.onFailureQueue() + "', which is not declared in " + region + ": declare it, e.g."
                        + " @Queue(name = \"" + source.onFailureQueue() + "\")");
            }
            request.destinationConfig(d -> d.onFailure(f -> f.destination(queueArn)));
        }
        if (!source.filterPatterns().isEmpty()) {
            request.filterCriteria(f -> f.filters(source.filterPatterns().stream()
                    .map(pattern -> Filter.builder().pattern(pattern).build()).toList()));
        }
        String uuid = lambda.createEventSourceMapping(request.build()).uuid();
        resources.created("event source mapping", table + " stream -> " + function, region,
                () -> lambda.deleteEventSourceMapping(b -> b.uuid(uuid)));
    }
}
