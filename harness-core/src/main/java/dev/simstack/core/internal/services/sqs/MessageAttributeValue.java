package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One message (or message system) attribute: its data type ({@code String}, {@code Number},
 * {@code Binary}, optionally with a custom label such as {@code Number.int}) and its value, a string for
 * String and Number, bytes for Binary.
 */
public record MessageAttributeValue(String dataType, String stringValue, byte[] binaryValue) {

    /** True if the value travels as bytes (transport type Binary). */
    boolean binary() {
        return binaryValue != null;
    }

    /** The bytes SQS counts against the message size: type plus value (the name is counted by the caller). */
    int size() {
        int type = dataType.getBytes(StandardCharsets.UTF_8).length;
        return type + (binary() ? binaryValue.length : stringValue.getBytes(StandardCharsets.UTF_8).length);
    }

    ObjectNode toJson(JsonNodeFactory nodes) {
        ObjectNode json = nodes.objectNode();
        if (binary()) {
            json.put("BinaryValue", Base64.getEncoder().encodeToString(binaryValue));
        } else {
            json.put("StringValue", stringValue);
        }
        json.put("DataType", dataType);
        return json;
    }
}
