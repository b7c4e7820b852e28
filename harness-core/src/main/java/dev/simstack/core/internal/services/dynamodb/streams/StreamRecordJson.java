package dev.simstack.core.internal.services.dynamodb.streams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;

/**
 * A stream record in the shape DynamoDB Streams' GetRecords answers it and Lambda hands it to a function:
 * eventID, eventName, eventVersion 1.1, eventSource {@code aws:dynamodb}, awsRegion and the {@code dynamodb}
 * member (ApproximateCreationDateTime in epoch seconds, rounded down as AWS does, Keys, the images the view
 * type keeps, SequenceNumber, SizeBytes, StreamViewType). Lambda's events add {@code eventSourceARN}.
 */
public final class StreamRecordJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StreamRecordJson() {
    }

    /** The record as GetRecords answers it. */
    public static ObjectNode getRecordsShape(StreamRecord record, String region) {
        ObjectNode json = common(record, region);
        if (record.byTimeToLive()) {
            json.putObject("userIdentity").put("PrincipalId", "dynamodb.amazonaws.com").put("Type", "Service");
        }
        return json;
    }

    /** The record as an event source mapping puts it in a Lambda event's {@code Records}. */
    public static ObjectNode lambdaShape(StreamRecord record, String region, String streamArn) {
        ObjectNode json = common(record, region);
        json.put("eventSourceARN", streamArn);
        if (record.byTimeToLive()) {
            json.putObject("userIdentity").put("type", "Service").put("principalId", "dynamodb.amazonaws.com");
        }
        return json;
    }

    private static ObjectNode common(StreamRecord record, String region) {
        ObjectNode json = NODES.objectNode();
        json.put("eventID", record.eventId());
        json.put("eventName", record.eventName());
        json.put("eventVersion", "1.1");
        json.put("eventSource", "aws:dynamodb");
        json.put("awsRegion", region);
        ObjectNode dynamodb = json.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", record.approximateCreationDateTime().getEpochSecond());
        dynamodb.set("Keys", AttributeValueCodec.writeItem(record.keys()));
        if (record.newImage() != null) {
            dynamodb.set("NewImage", AttributeValueCodec.writeItem(record.newImage()));
        }
        if (record.oldImage() != null) {
            dynamodb.set("OldImage", AttributeValueCodec.writeItem(record.oldImage()));
        }
        dynamodb.put("SequenceNumber", record.sequenceNumber());
        dynamodb.put("SizeBytes", record.sizeBytes());
        dynamodb.put("StreamViewType", record.streamViewType());
        return json;
    }
}
