package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsService;
import dev.simstack.core.DynamoDbEventSource;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.arn.ResourceArns;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.QueueSink;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import dev.simstack.core.internal.services.dynamodb.streams.StreamLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Create/Update and the description of event source mappings from a DynamoDB table's stream, with the
 * parameters and limits of "Lambda parameters for Amazon DynamoDB event source mappings": StartingPosition
 * (TRIM_HORIZON or LATEST) required, BatchSize 1-10,000 (100 by default), MaximumBatchingWindowInSeconds
 * 0-300, MaximumRetryAttempts and MaximumRecordAgeInSeconds -1 (infinite, the default) or a limit,
 * BisectBatchOnFunctionError, ReportBatchItemFailures, FilterCriteria and an SQS OnFailure destination.
 */
final class StreamMappingActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LambdaRegions regions;
    private final StreamSource streams;
    private final LambdaPort lambda;
    private final QueueSink destinations;
    private final InProcessSqs sqs;

    StreamMappingActions(LambdaRegions regions, StreamSource streams, LambdaPort lambda, QueueSink destinations,
            InProcessSqs sqs) {
        this.regions = regions;
        this.streams = streams;
        this.lambda = lambda;
        this.destinations = destinations;
        this.sqs = sqs;
    }

    /** Whether {@code arn} names a DynamoDB table's stream. */
    static boolean isStreamArn(String arn) {
        return arn.startsWith("arn:aws:dynamodb:") && arn.contains("/stream/");
    }

    JsonNode create(String region, Input input) {
        String streamArn = input.requiredString("EventSourceArn");
        StreamLog stream = streams.find(region, streamArn);
        if (stream == null) {
            throw LambdaErrors.invalidParameter("Stream not found: " + streamArn);
        }
        LambdaFunction function = regions.function(region, FunctionRef.parse(input.requiredString("FunctionName"),
                null));
        for (StreamPoller other : regions.region(region).mappings().streams()) {
            if (other.mapping().streamArn().equals(streamArn) && other.mapping().functionArn().equals(function.arn())
                    && !other.sourceGone()) { // a mapping of a reset table's stream, even if its ARN is the new one's
                throw LambdaErrors.conflict("The event source arn (\" " + streamArn + " \") and function (\" "
                        + function.name() + " \") provided mapping already exists. Please update or delete the "
                        + "existing mapping with UUID " + other.mapping().uuid());
            }
        }
        String position = input.string("StartingPosition");
        if (position == null) {
            throw LambdaErrors.invalidParameter("StartingPosition is required for a DynamoDB Streams event source; "
                    + "give TRIM_HORIZON or LATEST.");
        }
        if (!position.equals("TRIM_HORIZON") && !position.equals("LATEST")) {
            throw LambdaErrors.invalidParameter("Unsupported starting position " + position + " for a DynamoDB "
                    + "Streams event source; give TRIM_HORIZON or LATEST.");
        }
        StreamMapping base = new StreamMapping(regions.context().ids().next(), function.arn(), streamArn, position,
                100, 0, false, -1, -1, false, null, List.of(), true, now());
        StreamMapping mapping = settings(input, base);
        StreamPoller poller = new StreamPoller(mapping, stream, regions.context(), lambda, regions, destinations);
        regions.region(region).mappings().add(poller);
        poller.start();
        return json(mapping, mapping.enabled() ? "Creating" : "Disabled");
    }

    /**
     * Starts a mapping a data directory kept, as CreateEventSourceMapping did; false, and nothing started, when
     * its stream is gone (its table was deleted: the mapping had no source left to read).
     */
    boolean restore(String region, StreamMapping mapping) {
        StreamLog stream = streams.find(region, mapping.streamArn());
        if (stream == null) {
            return false;
        }
        // The stream's records were not kept: the reloaded stream is empty, and the mapping reads what is written
        // to it from now on, whatever its starting position was.
        StreamPoller poller = new StreamPoller(mapping, stream, regions.context(), lambda, regions, destinations);
        regions.region(region).mappings().add(poller);
        poller.start();
        return true;
    }

    /**
     * Creates the mapping a function's declaration asks for, as CreateEventSourceMapping with these settings;
     * its UUID.
     */
    String declare(String region, String functionName, String streamArn, DynamoDbEventSource source) {
        ObjectNode request = NODES.objectNode().put("FunctionName", functionName).put("EventSourceArn", streamArn)
                .put("StartingPosition", source.startingPosition().name()).put("BatchSize", source.batchSize())
                .put("MaximumBatchingWindowInSeconds", (int) Math.min(source.batchingWindow().getSeconds(), 100_000))
                .put("BisectBatchOnFunctionError", source.bisectBatchOnFunctionError())
                .put("MaximumRetryAttempts", source.maximumRetryAttempts())
                .put("Enabled", source.enabled());
        if (source.maximumRecordAge() != null) {
            request.put("MaximumRecordAgeInSeconds", (int) Math.min(source.maximumRecordAge().getSeconds(), 1_000_000));
        }
        if (source.reportBatchItemFailures()) {
            request.putArray("FunctionResponseTypes").add("ReportBatchItemFailures");
        }
        if (source.onFailureQueue() != null) {
            request.putObject("DestinationConfig").putObject("OnFailure").put("Destination",
                    ResourceRef.queue(region, regions.context().accountId(), source.onFailureQueue()).arn());
        }
        ArrayNode filters = request.putObject("FilterCriteria").putArray("Filters");
        source.filterPatterns().forEach(pattern -> filters.addObject().put("Pattern", pattern));
        return create(region, new Input(request)).path("UUID").asText();
    }

    /** The UUID of the mapping of {@code streamArn} to function {@code functionName}, or null. */
    String find(String region, String functionName, String streamArn) {
        LambdaFunction function = regions.function(region, FunctionRef.parse(functionName, null));
        for (StreamPoller poller : regions.region(region).mappings().streams()) {
            if (poller.mapping().streamArn().equals(streamArn) && poller.mapping().functionArn().equals(function.arn())
                    && !poller.sourceGone()) {
                return poller.mapping().uuid();
            }
        }
        return null;
    }

    JsonNode update(StreamPoller poller, Input input) {
        StreamMapping next;
        synchronized (poller) {
            next = settings(input, poller.mapping());
        }
        poller.update(next);
        return json(next, next.enabled() ? "Updating" : "Disabling");
    }

    /** {@code base} with the settings {@code input} gives, each checked against Lambda's limits. */
    private StreamMapping settings(Input input, StreamMapping base) {
        int batch = input.has("BatchSize") ? input.integer("BatchSize") : base.batchSize();
        MappingRules.range(batch, "batchSize", 1, 10_000);
        int window = input.has("MaximumBatchingWindowInSeconds") ? input.integer("MaximumBatchingWindowInSeconds")
                : base.batchingWindowSeconds();
        MappingRules.range(window, "maximumBatchingWindowInSeconds", 0, 300);
        int retries = input.has("MaximumRetryAttempts") ? input.integer("MaximumRetryAttempts")
                : base.maximumRetryAttempts();
        MappingRules.range(retries, "maximumRetryAttempts", -1, 10_000);
        int age = input.has("MaximumRecordAgeInSeconds") ? input.integer("MaximumRecordAgeInSeconds")
                : base.maximumRecordAgeSeconds();
        MappingRules.range(age, "maximumRecordAgeInSeconds", -1, 604_800);
        if (age >= 0 && age < 60) {
            throw LambdaErrors.invalidParameter("MaximumRecordAgeInSeconds must be -1 (infinite) or between 60 and "
                    + "604800, got " + age);
        }
        boolean bisect = input.has("BisectBatchOnFunctionError") ? input.bool("BisectBatchOnFunctionError")
                : base.bisectOnError();
        boolean report = input.has("FunctionResponseTypes") ? MappingRules.reportsBatchItemFailures(
                input.stringList("FunctionResponseTypes")) : base.reportBatchItemFailures();
        String onFailure = input.has("DestinationConfig") ? onFailure(input.object("DestinationConfig"))
                : base.onFailureArn();
        List<String> filters = input.has("FilterCriteria") ? filters(input.object("FilterCriteria")) : base.filters();
        boolean enabled = input.has("Enabled") ? input.bool("Enabled") : base.enabled();
        return new StreamMapping(base.uuid(), base.functionArn(), base.streamArn(), base.startingPosition(), batch,
                window, bisect, retries, age, report, onFailure, filters, enabled, now());
    }

    /** The OnFailure destination: a standard SQS queue of this stack (SNS topics are not served). */
    private String onFailure(Input config) {
        String arn = config.has("OnFailure") ? config.object("OnFailure").string("Destination") : null;
        if (arn == null || arn.isEmpty()) {
            return null;
        }
        if (ResourceArns.of(AwsService.SQS, arn) == null) {
            throw LambdaErrors.invalidParameter("SimStack sends a stream mapping's discarded batches to SQS queues "
                    + "only (got " + arn + ").");
        }
        if (!sqs.exists(ResourceRef.fromArn(arn))) {
            throw LambdaErrors.invalidParameter("The destination queue " + arn + " does not exist.");
        }
        return arn;
    }

    private static List<String> filters(Input criteria) {
        List<String> patterns = new ArrayList<>();
        for (Input filter : criteria.objectList("Filters")) {
            String pattern = filter.string("Pattern");
            patterns.add(pattern);
        }
        patterns(patterns); // refuses a pattern that is not a JSON object
        return List.copyOf(patterns);
    }

    /** The patterns parsed; InvalidParameterValueException for one that is not a JSON object. */
    static List<JsonNode> patterns(List<String> patterns) {
        List<JsonNode> parsed = new ArrayList<>();
        for (String pattern : patterns) {
            JsonNode node;
            try {
                node = pattern == null ? null : new JsonTrees().read(pattern);
            } catch (java.io.IOException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                throw LambdaErrors.invalidParameter("Invalid filter pattern definition.");
            }
            parsed.add(node);
        }
        return parsed;
    }

    ObjectNode json(StreamMapping mapping, String state) {
        ObjectNode json = NODES.objectNode();
        json.put("UUID", mapping.uuid());
        json.put("StartingPosition", mapping.startingPosition());
        json.put("BatchSize", mapping.batchSize());
        json.put("MaximumBatchingWindowInSeconds", mapping.batchingWindowSeconds());
        json.put("ParallelizationFactor", 1);
        json.put("EventSourceArn", mapping.streamArn());
        json.put("FunctionArn", mapping.functionArn());
        json.put("LastModified", mapping.lastModified() / 1000.0);
        json.put("LastProcessingResult", "No records processed");
        json.put("State", state);
        json.put("StateTransitionReason", "User action");
        ObjectNode destination = json.putObject("DestinationConfig");
        if (mapping.onFailureArn() != null) {
            destination.putObject("OnFailure").put("Destination", mapping.onFailureArn());
        }
        if (!mapping.filters().isEmpty()) {
            ArrayNode filters = json.putObject("FilterCriteria").putArray("Filters");
            mapping.filters().forEach(pattern -> filters.addObject().put("Pattern", pattern));
        }
        json.put("MaximumRecordAgeInSeconds", mapping.maximumRecordAgeSeconds());
        json.put("BisectBatchOnFunctionError", mapping.bisectOnError());
        json.put("MaximumRetryAttempts", mapping.maximumRetryAttempts());
        json.put("TumblingWindowInSeconds", 0);
        ArrayNode types = json.putArray("FunctionResponseTypes");
        if (mapping.reportBatchItemFailures()) {
            types.add("ReportBatchItemFailures");
        }
        return json;
    }

    private long now() {
        return regions.context().clock().millis();
    }
}
