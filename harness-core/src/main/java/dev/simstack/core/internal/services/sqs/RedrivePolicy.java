package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import java.io.IOException;

/**
 * A queue's {@code RedrivePolicy}: after {@code maxReceiveCount} receives, the next receive moves the
 * message to {@code deadLetterTargetArn} instead of delivering it (SQS Developer Guide, "Using
 * dead-letter queues"). maxReceiveCount is 1 to 1000.
 */
record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {

    static final String ATTRIBUTE = "RedrivePolicy";
    private static final JsonTrees JSON = new JsonTrees();

    /** Parses the attribute's JSON; fails with AWS's InvalidParameterValue messages. */
    static RedrivePolicy parse(String text) {
        JsonNode node = readObject(text);
        JsonNode target = node.get("deadLetterTargetArn");
        JsonNode count = node.get("maxReceiveCount");
        if (target == null || !target.isTextual() || QueueAddress.fromArn(target.textValue()) == null) {
            throw invalid(text, "Redrive policy does not contain mandatory attribute: deadLetterTargetArn");
        }
        if (count == null) {
            throw invalid(text, "Redrive policy does not contain mandatory attribute: maxReceiveCount");
        }
        int max = maxReceiveCount(text, count);
        return new RedrivePolicy(target.textValue(), max);
    }

    private static int maxReceiveCount(String text, JsonNode count) {
        long value;
        try {
            value = count.isNumber() ? count.longValue() : Long.parseLong(count.asText().trim());
        } catch (NumberFormatException e) {
            throw invalid(text, "Invalid value for maxReceiveCount: " + count.asText()
                    + ", valid values are from 1 to 1000 both inclusive");
        }
        if (value < 1 || value > 1000) {
            throw invalid(text, "Invalid value for maxReceiveCount: " + value
                    + ", valid values are from 1 to 1000 both inclusive");
        }
        return (int) value;
    }

    static JsonNode readObject(String text) {
        try {
            JsonNode node = JSON.read(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // falls through to AWS's error
        }
        throw invalid(text, "Redrive policy is not a valid JSON map");
    }

    static RuntimeException invalid(String text, String reason) {
        return SqsErrors.invalidParameter(ATTRIBUTE, text, reason);
    }

    /** The attribute as GetQueueAttributes answers it. */
    String toJson() {
        return "{\"deadLetterTargetArn\":\"" + deadLetterTargetArn + "\",\"maxReceiveCount\":" + maxReceiveCount + "}";
    }
}
