package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.arn.ResourceArns;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;

/**
 * Create/Get/List/Update/DeleteEventSourceMapping for SQS queues, with the Lambda API's limits:
 * BatchSize 1-10,000 (over 10 only with a batching window; FIFO queues 1-10 and no window),
 * MaximumBatchingWindowInSeconds 0-300, ScalingConfig.MaximumConcurrency 2-1,000.
 */
final class MappingActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LambdaRegions regions;
    private final InProcessSqs sqs;
    private final LambdaPort lambda;

    MappingActions(LambdaRegions regions, InProcessSqs sqs, LambdaPort lambda) {
        this.regions = regions;
        this.sqs = sqs;
        this.lambda = lambda;
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
        if (ResourceArns.of(AwsService.SQS, queueArn) == null) {
            throw LambdaErrors.invalidParameter("SimStack maps SQS queues only (got " + queueArn
                    + "); Kinesis, DynamoDB Streams, Kafka and MQ sources are not supported yet.");
        }
        if (!exists(queueArn)) {
            throw LambdaErrors.invalidParameter("Error occurred while ReceiveMessage. SQS Error Code: "
                    + "AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not "
                    + "exist for this wsdl version.");
        }
        LambdaFunction function = regions.function(call.region(),
                FunctionRef.parse(input.requiredString("FunctionName"), null));
        LambdaRegion region = regions.region(call.region());
        for (SqsPoller existing : region.mappings().list()) {
            EventSourceMapping other = existing.mapping();
            if (other.queueArn().equals(queueArn) && other.functionArn().equals(function.arn())) {
                throw LambdaErrors.conflict("An event source mapping with SQS arn (\" " + queueArn
                        + " \") and function (\" " + function.name() + " \") already exists. Please update or "
                        + "delete the existing mapping with UUID " + other.uuid());
            }
        }
        boolean enabled = input.bool("Enabled") == null || input.bool("Enabled");
        EventSourceMapping mapping = settings(input, new EventSourceMapping(regions.context().ids().next(),
                function.arn(), queueArn, 10, 0, null, false, enabled, now()));
        SqsPoller poller = new SqsPoller(mapping, regions.context(), sqs, lambda, regions);
        region.mappings().add(poller);
        poller.start();
        return json(mapping, enabled ? "Creating" : "Disabled");
    }

    /** {@code base} with the settings {@code input} gives, validated. */
    private EventSourceMapping settings(Input input, EventSourceMapping base) {
        boolean fifo = base.queueArn().endsWith(".fifo");
        int batch = input.has("BatchSize") ? input.integer("BatchSize") : base.batchSize();
        int window = input.has("MaximumBatchingWindowInSeconds") ? input.integer("MaximumBatchingWindowInSeconds")
                : base.batchingWindowSeconds();
        if (batch < 1 || batch > (fifo ? 10 : 10_000)) {
            throw LambdaErrors.invalidParameter(fifo ? "BatchSize must be between 1 and 10 for FIFO queues."
                    : "1 validation error detected: Value '" + batch + "' at 'batchSize' failed to satisfy "
                            + "constraint: Member must have value less than or equal to 10000");
        }
        if (window < 0 || window > 300) {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '" + window + "' at "
                    + "'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have value less "
                    + "than or equal to 300");
        }
        if (fifo && window > 0) {
            throw LambdaErrors.invalidParameter("Batching window is not supported for FIFO queues.");
        }
        if (batch > 10 && window == 0) {
            throw LambdaErrors.invalidParameter("Maximum batch window in seconds must be greater than 0 if maximum "
                    + "batch size is greater than 10");
        }
        Integer concurrency = base.maximumConcurrency();
        if (input.has("ScalingConfig")) {
            JsonNode max = input.node().path("ScalingConfig").path("MaximumConcurrency");
            concurrency = max.isNumber() ? max.intValue() : null;
            if (concurrency != null && (concurrency < 2 || concurrency > 1000)) {
                throw LambdaErrors.invalidParameter("1 validation error detected: Value '" + concurrency + "' at "
                        + "'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value "
                        + "between 2 and 1000");
            }
        }
        boolean report = base.reportBatchItemFailures();
        if (input.has("FunctionResponseTypes")) {
            report = false;
            for (String type : input.stringList("FunctionResponseTypes")) {
                if (!type.equals("ReportBatchItemFailures")) {
                    throw LambdaErrors.invalidParameter("1 validation error detected: Value '[" + type + "]' at "
                            + "'functionResponseTypes' failed to satisfy constraint: Member must satisfy enum value "
                            + "set: [ReportBatchItemFailures]");
                }
                report = true;
            }
        }
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

    private JsonNode get(DecodedCall call, Input input) {
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
        return output;
    }

    private JsonNode update(DecodedCall call, Input input) {
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
