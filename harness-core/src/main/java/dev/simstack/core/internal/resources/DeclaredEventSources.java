package dev.simstack.core.internal.resources;

import dev.simstack.core.AppliedResources.Outcome;
import dev.simstack.core.AppliedResources.Resource;
import dev.simstack.core.DynamoDbEventSource;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.SqsEventSource;
import dev.simstack.core.internal.services.dynamodb.streams.StreamLog;
import dev.simstack.core.internal.stack.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQS and DynamoDB event sources of a declared function as Lambda creates them: one event source mapping
 * per queue or table stream, with CreateEventSourceMapping's rules and messages. A mapping of the same source
 * to the same function that exists (from a data directory, or kept by a reset of one service alone) is kept.
 */
final class DeclaredEventSources {

    private static final String TYPE = "AWS::Lambda::EventSourceMapping";

    private DeclaredEventSources() {
    }

    /** Creates the function's missing mappings, once it and its queues exist; answers each, created or kept. */
    static List<Resource> create(Engine engine, FunctionSpec function, String region) {
        List<Resource> made = new ArrayList<>();
        for (SqsEventSource source : function.sqsEvents()) {
            checkQueue(engine, function, region, source);
            String queueArn = ResourceRef.queue(region, engine.config().accountId(), source.queueName()).arn();
            String existing = engine.lambda().mappingUuid(region, function.name(), queueArn);
            String uuid = existing != null ? existing : Declaration.call("function '" + function.name() + "' in "
                    + region + ", its SQS event from queue '" + source.queueName() + "'", "CreateEventSourceMapping",
                    () -> engine.lambda().declareMapping(region, function.name(), queueArn, source));
            made.add(new Resource(function.name() + "<-" + queueArn, TYPE, region, uuid,
                    existing == null ? Outcome.CREATED : Outcome.EXISTED));
        }
        for (DynamoDbEventSource source : function.dynamoDbEvents()) {
            String streamArn = streamArn(engine, function, region, source);
            String existing = engine.lambda().streamMappingUuid(region, function.name(), streamArn);
            String uuid = existing != null ? existing : Declaration.call("function '" + function.name() + "' in "
                    + region + ", its DynamoDB event from table '" + source.tableName() + "'",
                    "CreateEventSourceMapping",
                    () -> engine.lambda().declareStreamMapping(region, function.name(), streamArn, source));
            made.add(new Resource(function.name() + "<-" + streamArn, TYPE, region, uuid,
                    existing == null ? Outcome.CREATED : Outcome.EXISTED));
        }
        return made;
    }

    private static String streamArn(Engine engine, FunctionSpec function, String region, DynamoDbEventSource source) {
        StreamLog stream = engine.dynamodb().stream(region, source.tableName());
        if (stream == null) {
            throw new IllegalArgumentException("declared function '" + function.name() + "' in " + region
                    + " has a DynamoDB event from table '" + source.tableName() + "', which "
                    + (engine.dynamodb().hasTable(region, source.tableName()) ? "has no stream; declare it with "
                            + "TableSpec.withStream" : "does not exist in " + region + " (its tables there: "
                            + engine.dynamodb().tableNames().getOrDefault(region, List.of()) + "); declare it with "
                            + "StackConfig.withTable in the function's region"));
        }
        return stream.arn();
    }

    private static void checkQueue(Engine engine, FunctionSpec function, String region, SqsEventSource source) {
        if (!engine.sqs().hasQueue(region, source.queueName())) {
            throw new IllegalArgumentException("declared function '" + function.name() + "' in " + region
                    + " has an SQS event from queue '" + source.queueName() + "', which does not exist in " + region
                    + " (its queues there: " + engine.sqs().queueNames().getOrDefault(region, List.of())
                    + "); declare it with StackConfig.withQueue in the function's region");
        }
    }
}
