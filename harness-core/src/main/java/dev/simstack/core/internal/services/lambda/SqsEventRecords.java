package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.ResourceRef;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The SQS event a mapping hands its function, in the shape of "Using Lambda with Amazon SQS". */
final class SqsEventRecords {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SqsEventRecords() {
    }

    /** {@code {"Records": [...]}} for messages as ReceiveMessage answered them. */
    static byte[] event(List<JsonNode> messages, ResourceRef queue) {
        String queueArn = queue.arn();
        String region = queue.region();
        ObjectNode event = NODES.objectNode();
        ArrayNode records = event.putArray("Records");
        for (JsonNode message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.path("MessageId").asText());
            record.put("receiptHandle", message.path("ReceiptHandle").asText());
            record.put("body", message.path("Body").asText());
            record.set("attributes", message.path("Attributes").deepCopy());
            ObjectNode attributes = record.putObject("messageAttributes");
            message.path("MessageAttributes").fields().forEachRemaining(e -> {
                ObjectNode value = attributes.putObject(e.getKey());
                JsonNode source = e.getValue();
                if (source.has("StringValue")) {
                    value.put("stringValue", source.get("StringValue").asText());
                }
                if (source.has("BinaryValue")) {
                    value.put("binaryValue", source.get("BinaryValue").asText());
                }
                value.putArray("stringListValues");
                value.putArray("binaryListValues");
                value.put("dataType", source.path("DataType").asText());
            });
            record.put("md5OfBody", message.path("MD5OfBody").asText());
            if (message.has("MD5OfMessageAttributes")) {
                record.put("md5OfMessageAttributes", message.get("MD5OfMessageAttributes").asText());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
        }
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
