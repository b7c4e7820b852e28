package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A dead-letter queue's {@code RedriveAllowPolicy}: which source queues may name it as their dead-letter
 * target — {@code allowAll} (the default), {@code denyAll}, or {@code byQueue} with up to 10
 * {@code sourceQueueArns}.
 */
record RedriveAllowPolicy(String redrivePermission, List<String> sourceQueueArns) {

    static final String ATTRIBUTE = "RedriveAllowPolicy";
    static final RedriveAllowPolicy ALLOW_ALL = new RedriveAllowPolicy("allowAll", List.of());
    private static final JsonTrees JSON = new JsonTrees();
    private static final int MAX_SOURCES = 10;

    static RedriveAllowPolicy parse(String text) {
        JsonNode node = readObject(text);
        JsonNode permission = node.get("redrivePermission");
        if (permission == null || !permission.isTextual()) {
            throw invalid(text, "Amazon SQS can't create the redrive allow policy, as it’s in an unsupported "
                    + "format.");
        }
        String value = permission.textValue();
        List<String> sources = sources(text, node.get("sourceQueueArns"));
        switch (value) {
            case "allowAll":
            case "denyAll":
                if (!sources.isEmpty()) {
                    throw invalid(text, "Only byQueue redrive permission supports sourceQueueArns");
                }
                return new RedriveAllowPolicy(value, List.of());
            case "byQueue":
                if (sources.isEmpty() || sources.size() > MAX_SOURCES) {
                    throw invalid(text, "byQueue redrive permission needs 1 to 10 sourceQueueArns");
                }
                return new RedriveAllowPolicy(value, List.copyOf(sources));
            default:
                throw invalid(text, "Redrive permission " + value + " is not one of allowAll, denyAll, byQueue");
        }
    }

    private static List<String> sources(String text, JsonNode node) {
        List<String> sources = new ArrayList<>();
        if (node == null) {
            return sources;
        }
        if (!node.isArray()) {
            throw invalid(text, "sourceQueueArns must be a list of queue ARNs");
        }
        for (JsonNode arn : node) {
            if (!arn.isTextual() || QueueAddress.fromArn(arn.textValue()) == null) {
                throw invalid(text, "sourceQueueArns must be a list of queue ARNs");
            }
            sources.add(arn.textValue());
        }
        return sources;
    }

    private static JsonNode readObject(String text) {
        try {
            JsonNode node = JSON.read(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // falls through to AWS's error
        }
        throw invalid(text, "Amazon SQS can't create the redrive allow policy, as it’s in an unsupported format.");
    }

    private static RuntimeException invalid(String text, String reason) {
        return SqsErrors.invalidParameter(ATTRIBUTE, text, reason);
    }

    /** True if a queue with ARN {@code sourceArn} may use this queue as its dead-letter queue. */
    boolean allows(String sourceArn) {
        switch (redrivePermission) {
            case "denyAll":
                return false;
            case "byQueue":
                return sourceQueueArns.contains(sourceArn);
            default:
                return true;
        }
    }

    String toJson() {
        StringBuilder json = new StringBuilder("{\"redrivePermission\":\"").append(redrivePermission).append('"');
        if (!sourceQueueArns.isEmpty()) {
            json.append(",\"sourceQueueArns\":[");
            for (int i = 0; i < sourceQueueArns.size(); i++) {
                json.append(i == 0 ? "" : ",").append('"').append(sourceQueueArns.get(i)).append('"');
            }
            json.append(']');
        }
        return json.append('}').toString();
    }
}
