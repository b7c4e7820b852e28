package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.SqsEventSource;
import dev.simstack.core.internal.arn.ResourceArns;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;

/**
 * Create/Get/List/Update/DeleteEventSourceMapping for SQS queues, with the Lambda API's limits
 * ({@link MappingRules}), and the typed creation of the mappings functions declare. Mappings from a
 * DynamoDB table's stream are told apart by their ARN or UUID and handed to {@link StreamMappingActions}.
 */
final class MappingActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LambdaRegions regions;
    private final InProcessSqs sqs;
    private final LambdaPort lambda;
    private final StreamMappingActions streams;

    MappingActions(LambdaRegions regions, InProcessSqs sqs, LambdaPort lambda, StreamMappingActions streams) {
        this.regions = regions;
        this.sqs = sqs;
        this.lambda = lambda;
        this.streams = streams;
    }

    void register(OperationTable<LambdaOperation> operations) {
        operations.put("CreateEventSourceMapping", LambdaOperation.sync(this::create));
        operations.put("GetEventSourceMapping", LambdaOperation.sync(this::get));
        operations.put("ListEventSourceMappings", LambdaOperation.sync(this::list));
        operations.put("UpdateEventSourceMapping", LambdaOperation.sync(this::update));
        operations.put("DeleteEventSourceMapping", LambdaOperation.sync(this::delete));
    }

    private JsonNode create(DecodedCall call, Input input) {
        String queueArn = input.requiredString("EventSourceArn");
        if (StreamMappingActions.isStreamArn(queueArn)) {
            return streams.create(call.region(), input);
        }
        checkQueue(queueArn);
        EventSourceMapping mapping = settings(input, unsaved(call.region(), input.requiredString("FunctionName"),
                queueArn));
        start(regions.region(call.region()), mapping);
        return json(mapping, mapping.enabled() ? "Creating" : "Disabled");
    }

    /**
     * Creates the mapping a function's declaration asks for, with CreateEventSourceMapping's checks, rules
     * and errors, as if its settings had come on the wire.
     */
    EventSourceMapping declare(String region, String functionName, String queueArn, SqsEventSource source) {
        checkQueue(queueArn);
        EventSourceMapping base = unsaved(region, functionName, queueArn);
        long window = source.batchingWindow().getSeconds();
        EventSourceMapping mapping = new EventSourceMapping(base.uuid(), base.functionArn(), queueArn,
                source.batchSize(), (int) Math.min(window, Integer.MAX_VALUE), source.maximumConcurrency(),
                source.reportBatchItemFailures(), source.enabled(), now());
        MappingRules.check(mapping);
        start(regions.region(region), mapping);
        return mapping;
    }

    /** The mapping of {@code queueArn} to function {@code functionName}, or null if there is none. */
    EventSourceMapping find(String region, String functionName, String queueArn) {
        LambdaFunction function = regions.function(region, FunctionRef.parse(functionName, null));
        SqsPoller poller = existing(regions.region(region), function, queueArn);
        return poller == null ? null : poller.mapping();
    }

    /** Starts polling for {@code mapping} (unless it is disabled), as a new or a reloaded mapping. */
    void start(LambdaRegion region, EventSourceMapping mapping) {
        SqsPoller poller = new SqsPoller(mapping, regions.context(), sqs, lambda, regions);
        region.mappings().add(poller);
        poller.start();
    }

    private void checkQueue(String queueArn) {
        if (ResourceArns.of(AwsService.SQS, queueArn) == null) {
            throw LambdaErrors.invalidParameter("SimStack maps SQS queues and DynamoDB streams only (got " + queueArn
                    + "); Kinesis, Kafka and MQ sources are not supported yet.");
        }
        if (!exists(queueArn)) {
            throw LambdaErrors.invalidParameter("Error occurred while ReceiveMessage. SQS Error Code: "
                    + "AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not "
                    + "exist for this wsdl version.");
        }
    }

    /** A new mapping of {@code queueArn} to the function, with Lambda's defaults; refused if one exists. */
    private EventSourceMapping unsaved(String region, String functionName, String queueArn) {
        LambdaFunction function = regions.function(region, FunctionRef.parse(functionName, null));
        SqsPoller existing = existing(regions.region(region), function, queueArn);
        if (existing != null) {
            throw LambdaErrors.conflict("An event source mapping with SQS arn (\" " + queueArn
                    + " \") and function (\" " + function.name() + " \") already exists. Please update or "
                    + "delete the existing mapping with UUID " + existing.mapping().uuid());
        }
        return new EventSourceMapping(regions.context().ids().next(), function.arn(), queueArn, 10, 0, null, false,
                true, now());
    }

    private static SqsPoller existing(LambdaRegion region, LambdaFunction function, String queueArn) {
        for (SqsPoller poller : region.mappings().list()) {
            EventSourceMapping other = poller.mapping();
            if (other.queueArn().equals(queueArn) && other.functionArn().equals(function.arn())) {
                return poller;
            }
        }
        return null;
    }

    /** {@code base} with the settings {@code input} gives, validated by {@link MappingRules}. */
    private EventSourceMapping settings(Input input, EventSourceMapping base) {
        int batch = input.has("BatchSize") ? input.integer("BatchSize") : base.batchSize();
        int window = input.has("MaximumBatchingWindowInSeconds") ? input.integer("MaximumBatchingWindowInSeconds")
                : base.batchingWindowSeconds();
        Integer concurrency = base.maximumConcurrency();
        if (input.has("ScalingConfig")) {
            JsonNode max = input.node().path("ScalingConfig").path("MaximumConcurrency");
            concurrency = max.isNumber() ? max.intValue() : null;
        }
        MappingRules.check(new EventSourceMapping(base.uuid(), base.functionArn(), base.queueArn(), batch, window,
                concurrency, base.reportBatchItemFailures(), base.enabled(), base.lastModified()));
        boolean report = input.has("FunctionResponseTypes")
                ? MappingRules.reportsBatchItemFailures(input.stringList("FunctionResponseTypes"))
                : base.reportBatchItemFailures();
        boolean enabled = input.has("Enabled") ? input.bool("Enabled") : base.enabled();
        return new EventSourceMapping(base.uuid(), base.functionArn(), base.queueArn(), batch, window, concurrency,
                report, enabled, now());
    }

    private SqsPoller poller(DecodedCall call, Input input) {
        String uuid = input.requiredString("UUID");
        SqsPoller poller = regions.region(call.region()).mappings().find(uuid);
        if (poller == null) {
            throw LambdaErrors.notFound("The resource you requested does not exist. (Service: Lambda, Status Code: "
                    + "404, Request ID: " + call.requestId() + ")");
        }
        return poller;
    }

    private StreamPoller streamPoller(DecodedCall call, Input input) {
        return regions.region(call.region()).mappings().findStream(input.requiredString("UUID"));
    }

    private JsonNode get(DecodedCall call, Input input) {
        StreamPoller stream = streamPoller(call, input);
        if (stream != null) {
            return streams.json(stream.mapping(), stream.mapping().enabled() ? "Enabled" : "Disabled");
        }
        EventSourceMapping mapping = poller(call, input).mapping();
        return json(mapping, mapping.enabled() ? "Enabled" : "Disabled");
    }

    private JsonNode list(DecodedCall call, Input input) {
        String queue = input.string("EventSourceArn");
        String function = input.string("FunctionName");
        ObjectNode output = NODES.objectNode();
        ArrayNode mappings = output.putArray("EventSourceMappings");
        for (SqsPoller poller : regions.region(call.region()).mappings().list()) {
            EventSourceMapping mapping = poller.mapping();
            boolean matches = (queue == null || queue.equals(mapping.queueArn()))
                    && (function == null || ResourceRef.fromArn(mapping.functionArn()).name()
                            .equals(FunctionRef.parse(function, null).name()));
            if (matches) {
                mappings.add(json(mapping, mapping.enabled() ? "Enabled" : "Disabled"));
            }
        }
        for (StreamPoller poller : regions.region(call.region()).mappings().streams()) {
            StreamMapping mapping = poller.mapping();
            boolean matches = (queue == null || queue.equals(mapping.streamArn()))
                    && (function == null || ResourceRef.fromArn(mapping.functionArn()).name()
                            .equals(FunctionRef.parse(function, null).name()));
            if (matches) {
                mappings.add(streams.json(mapping, mapping.enabled() ? "Enabled" : "Disabled"));
            }
        }
        return output;
    }

    private JsonNode update(DecodedCall call, Input input) {
        StreamPoller stream = streamPoller(call, input);
        if (stream != null) {
            return streams.update(stream, input);
        }
        SqsPoller poller = poller(call, input);
        EventSourceMapping next;
        synchronized (poller) {
            EventSourceMapping base = poller.mapping();
            if (input.has("FunctionName")) {
                LambdaFunction function = regions.function(call.region(),
                        FunctionRef.parse(input.string("FunctionName"), null));
                base = new EventSourceMapping(base.uuid(), function.arn(), base.queueArn(), base.batchSize(),
                        base.batchingWindowSeconds(), base.maximumConcurrency(), base.reportBatchItemFailures(),
                        base.enabled(), base.lastModified());
            }
            next = settings(input, base);
            poller.update(next);
        }
        return json(next, next.enabled() ? "Updating" : "Disabling");
    }

    private JsonNode delete(DecodedCall call, Input input) {
        StreamPoller stream = streamPoller(call, input);
        if (stream != null) {
            regions.region(call.region()).mappings().removeStream(stream.mapping().uuid());
            return streams.json(stream.mapping(), "Deleting");
        }
        SqsPoller poller = poller(call, input);
        regions.region(call.region()).mappings().remove(poller.mapping().uuid());
        return json(poller.mapping(), "Deleting");
    }

    private ObjectNode json(EventSourceMapping mapping, String state) {
        ObjectNode json = NODES.objectNode();
        json.put("UUID", mapping.uuid());
        json.put("BatchSize", mapping.batchSize());
        json.put("MaximumBatchingWindowInSeconds", mapping.batchingWindowSeconds());
        json.put("EventSourceArn", mapping.queueArn());
        json.put("FunctionArn", mapping.functionArn());
        json.put("LastModified", mapping.lastModified() / 1000.0);
        json.put("State", state);
        json.put("StateTransitionReason", "USER_INITIATED");
        ArrayNode types = json.putArray("FunctionResponseTypes");
        if (mapping.reportBatchItemFailures()) {
            types.add("ReportBatchItemFailures");
        }
        if (mapping.maximumConcurrency() != null) {
            json.putObject("ScalingConfig").put("MaximumConcurrency", mapping.maximumConcurrency());
        }
        return json;
    }

    private long now() {
        return regions.context().clock().millis();
    }

    private boolean exists(String queueArn) {
        try {
            return sqs.exists(ResourceRef.fromArn(queueArn));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
