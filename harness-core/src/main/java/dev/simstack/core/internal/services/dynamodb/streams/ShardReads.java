package dev.simstack.core.internal.services.dynamodb.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.StackContext;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * GetShardIterator and GetRecords, on the stack's clock: iterators expire 15 minutes after they are issued
 * (ExpiredIteratorException), records 24 hours after they were written, and an iterator that points before
 * the oldest record kept reads TrimmedDataAccessException, as AWS's do.
 */
final class ShardReads {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** GetRecords: "The upper limit is 1000." */
    private static final int MAX_RECORDS = 1000;

    private final StackContext context;
    private final BiFunction<String, String, StreamedTable> streams;

    ShardReads(StackContext context, BiFunction<String, String, StreamedTable> streams) {
        this.context = context;
        this.streams = streams;
    }

    JsonNode getShardIterator(DecodedCall call, Input input) {
        StreamLog stream = streams.apply(call.region(), input.requiredString("StreamArn")).stream();
        String shardId = input.requiredString("ShardId");
        String type = input.requiredString("ShardIteratorType");
        if (!shardId.equals(stream.shardId())) {
            throw StreamErrors.shardNotFound(shardId);
        }
        Instant now = context.clock().now();
        long after = switch (type) {
            case "TRIM_HORIZON" -> stream.trimmedThrough(now);
            case "LATEST" -> stream.lastSequence();
            case "AT_SEQUENCE_NUMBER" -> sequence(input, type, stream, now) - 1;
            case "AFTER_SEQUENCE_NUMBER" -> sequence(input, type, stream, now);
            default -> throw StreamErrors.constraint(type, "shardIteratorType", "Member must satisfy enum value set: "
                    + "[TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]");
        };
        ShardIterator iterator = new ShardIterator(stream.arn(), shardId, after, now.toEpochMilli());
        return NODES.objectNode().put("ShardIterator", iterator.token());
    }

    /** The SequenceNumber an AT_ or AFTER_SEQUENCE_NUMBER iterator needs, in the shard and not trimmed. */
    private static long sequence(Input input, String type, StreamLog stream, Instant now) {
        String given = input.string("SequenceNumber");
        if (given == null) {
            throw StreamErrors.validation("A SequenceNumber is required for a ShardIteratorType of " + type);
        }
        long sequence;
        try {
            sequence = Long.parseLong(given);
        } catch (NumberFormatException e) {
            throw StreamErrors.validation("Invalid SequenceNumber: " + given);
        }
        if (sequence < StreamLog.FIRST_SEQUENCE || sequence > stream.lastSequence()) {
            throw StreamErrors.validation("Invalid SequenceNumber " + given + " for shard " + stream.shardId());
        }
        if (sequence <= stream.trimmedThrough(now)) {
            throw StreamErrors.trimmed();
        }
        return sequence;
    }

    JsonNode getRecords(DecodedCall call, Input input) {
        ShardIterator iterator = ShardIterator.parse(input.requiredString("ShardIterator"));
        int limit = DynamoDbStreamsService.limit(input, "limit", MAX_RECORDS);
        Instant now = context.clock().now();
        if (iterator.expiredAt(now.toEpochMilli())) {
            throw StreamErrors.expiredIterator();
        }
        StreamLog stream = streams.apply(call.region(), iterator.streamArn()).stream();
        if (iterator.after() < stream.trimmedThrough(now)) {
            throw StreamErrors.trimmed();
        }
        List<StreamRecord> records = stream.read(iterator.after(), limit, now);
        ObjectNode output = NODES.objectNode();
        ArrayNode list = output.putArray("Records");
        records.forEach(record -> list.add(StreamRecordJson.getRecordsShape(record, call.region())));
        long next = records.isEmpty() ? iterator.after()
                : Long.parseLong(records.get(records.size() - 1).sequenceNumber());
        if (stream.enabled() || next < stream.lastSequence()) {
            // a closed shard read to its end answers no next iterator
            output.put("NextShardIterator", new ShardIterator(stream.arn(), iterator.shardId(), next,
                    now.toEpochMilli()).token());
        }
        return output;
    }
}
