package dev.simstack.core.internal.services.dynamodb.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.services.dynamodb.table.KeySchema;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Amazon DynamoDB Streams (API 2012-08-10, {@code DynamoDBStreams_20120810}) over AWS JSON 1.0, reading the
 * stream logs DynamoDB keeps per table. It signs as {@code dynamodb}, like DynamoDB itself, so the engine finds
 * it by its target prefix. It has no state of its own: the streams are the tables', and shard iterators carry
 * their position in their token. Each stream has one shard ({@link StreamLog}).
 */
public final class DynamoDbStreamsService implements Service {

    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("dynamodb", "DynamoDBStreams_20120810",
            "1.0", "com.amazonaws.dynamodb.v20120810", false, true, null);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Function<String, List<StreamedTable>> tables;
    private final OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations =
            OperationTable.forJsonAndQuery(DESCRIPTOR);

    /** @param tables the tables of a region that have a stream, in name order */
    public DynamoDbStreamsService(StackContext context, Function<String, List<StreamedTable>> tables) {
        this.tables = tables;
        ShardReads reads = new ShardReads(context, this::find);
        operations.put("ListStreams", this::listStreams);
        operations.put("DescribeStream", this::describeStream);
        operations.put("GetShardIterator", reads::getShardIterator);
        operations.put("GetRecords", reads::getRecords);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CompletionStage<JsonNode> invoke(DecodedCall call) {
        return CompletableFuture.completedFuture(operations.handler(call).apply(call, new Input(call.input())));
    }

    /** The table whose latest stream is {@code streamArn} in {@code region}; ResourceNotFoundException if none. */
    StreamedTable find(String region, String streamArn) {
        for (StreamedTable table : tables.apply(region)) {
            if (table.stream().arn().equals(streamArn)) {
                return table;
            }
        }
        throw StreamErrors.streamNotFound(streamArn);
    }

    private JsonNode listStreams(DecodedCall call, Input input) {
        int limit = limit(input, "limit", 100);
        String tableName = input.string("TableName");
        String start = input.string("ExclusiveStartStreamArn");
        ObjectNode output = NODES.objectNode();
        ArrayNode streams = output.putArray("Streams");
        boolean started = start == null;
        for (StreamedTable table : tables.apply(call.region())) {
            if (!started) {
                started = table.stream().arn().equals(start);
                continue;
            }
            if (tableName != null && !tableName.equals(table.tableName())) {
                continue;
            }
            if (streams.size() == limit) {
                output.put("LastEvaluatedStreamArn", streams.get(limit - 1).path("StreamArn").asText());
                break;
            }
            streams.addObject().put("StreamArn", table.stream().arn()).put("TableName", table.tableName())
                    .put("StreamLabel", table.stream().label());
        }
        return output;
    }

    private JsonNode describeStream(DecodedCall call, Input input) {
        limit(input, "limit", 100);
        StreamedTable table = find(call.region(), input.requiredString("StreamArn"));
        StreamLog stream = table.stream();
        ObjectNode description = NODES.objectNode();
        description.put("StreamArn", stream.arn());
        description.put("StreamLabel", stream.label());
        description.put("StreamStatus", stream.enabled() ? "ENABLED" : "DISABLED");
        description.put("StreamViewType", stream.viewType());
        description.put("TableName", table.tableName());
        description.set("KeySchema", keySchema(table.keys()));
        ArrayNode shards = description.putArray("Shards");
        String exclusiveStart = input.string("ExclusiveStartShardId");
        if (exclusiveStart == null || !exclusiveStart.equals(stream.shardId())) {
            ObjectNode range = shards.addObject().put("ShardId", stream.shardId()).putObject("SequenceNumberRange");
            range.put("StartingSequenceNumber", Long.toString(StreamLog.FIRST_SEQUENCE));
            if (!stream.enabled()) {
                // a disabled stream's shard is closed: it ends at its last record
                range.put("EndingSequenceNumber", Long.toString(Math.max(stream.lastSequence(),
                        StreamLog.FIRST_SEQUENCE)));
            }
        }
        ObjectNode output = NODES.objectNode();
        output.set("StreamDescription", description);
        return output;
    }

    private static ArrayNode keySchema(KeySchema keys) {
        ArrayNode list = NODES.arrayNode();
        list.addObject().put("AttributeName", keys.hashName()).put("KeyType", "HASH");
        if (keys.hasRange()) {
            list.addObject().put("AttributeName", keys.rangeName()).put("KeyType", "RANGE");
        }
        return list;
    }

    /** The {@code Limit} member, at least 1 (the model's minimum) and capped at {@code max}; {@code max} if absent. */
    static int limit(Input input, String member, int max) {
        Integer limit = input.integer("Limit");
        if (limit == null) {
            return max;
        }
        if (limit < 1) {
            throw StreamErrors.constraint(limit, member, "Member must have value greater than or equal to 1");
        }
        return Math.min(limit, max);
    }

    @Override
    public Runnable reset() {
        return () -> { };
    }

    @Override
    public void close() {
    }
}
