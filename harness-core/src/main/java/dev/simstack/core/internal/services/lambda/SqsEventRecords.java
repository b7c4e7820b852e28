package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.services.sqs.MessageAttributeValue;
import dev.simstack.core.internal.services.sqs.ReceivedMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The SQS event a mapping hands its function, in the shape of "Using Lambda with Amazon SQS", written
 * once, straight from the messages SQS handed out (no intermediate documents). Binary attribute values are
 * base64 there, as in the event AWS sends.
 */
final class SqsEventRecords {

    private static final JsonFactory JSON = new JsonFactory();

    private SqsEventRecords() {
    }

    /** {@code {"Records": [...]}}, the event's JSON bytes. */
    static byte[] event(List<ReceivedMessage> messages, ResourceRef queue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * messages.size() + 16);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            String arn = queue.arn();
            for (ReceivedMessage message : messages) {
                record(json, message, arn, queue.region());
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void record(JsonGenerator json, ReceivedMessage message, String queueArn, String region)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("messageId", message.messageId());
        json.writeStringField("receiptHandle", message.receiptHandle());
        json.writeStringField("body", message.body());
        json.writeObjectFieldStart("attributes");
        if (message.attributes() != null) {
            for (Map.Entry<String, String> attribute : message.attributes().entrySet()) {
                json.writeStringField(attribute.getKey(), attribute.getValue());
            }
        }
        json.writeEndObject();
        json.writeObjectFieldStart("messageAttributes");
        for (Map.Entry<String, MessageAttributeValue> attribute : message.messageAttributes().entrySet()) {
            messageAttribute(json, attribute.getKey(), attribute.getValue());
        }
        json.writeEndObject();
        json.writeStringField("md5OfBody", message.md5OfBody());
        if (message.md5OfMessageAttributes() != null) {
            json.writeStringField("md5OfMessageAttributes", message.md5OfMessageAttributes());
        }
        json.writeStringField("eventSource", "aws:sqs");
        json.writeStringField("eventSourceARN", queueArn);
        json.writeStringField("awsRegion", region);
        json.writeEndObject();
    }

    private static void messageAttribute(JsonGenerator json, String name, MessageAttributeValue value)
            throws IOException {
        json.writeObjectFieldStart(name);
        if (value.binaryValue() != null) {
            json.writeStringField("binaryValue", Base64.getEncoder().encodeToString(value.binaryValue()));
        } else {
            json.writeStringField("stringValue", value.stringValue());
        }
        json.writeArrayFieldStart("stringListValues");
        json.writeEndArray();
        json.writeArrayFieldStart("binaryListValues");
        json.writeEndArray();
        json.writeStringField("dataType", value.dataType());
        json.writeEndObject();
    }
}
