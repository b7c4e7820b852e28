package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * AddPermission and RemovePermission: they edit the queue's Policy attribute, one statement per label
 * (its Sid), as SQS does. Policies are stored, not enforced: every caller may do everything.
 */
final class PermissionActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonTrees JSON = new JsonTrees();

    private final SqsRegions regions;

    PermissionActions(SqsRegions regions) {
        this.regions = regions;
    }

    void register(OperationTable<SqsOperation> operations) {
        operations.put("AddPermission", SqsOperation.sync(this::addPermission));
        operations.put("RemovePermission", SqsOperation.sync(this::removePermission));
    }

    private JsonNode addPermission(DecodedCall call, Input input) {
        SqsQueue queue = regions.queue(call, input);
        String label = input.requiredString("Label");
        List<String> accounts = input.stringList("AWSAccountIds");
        List<String> actions = input.stringList("Actions");
        if (accounts.isEmpty()) {
            throw SqsErrors.missingParameter("AWSAccountIds");
        }
        if (actions.isEmpty()) {
            throw SqsErrors.missingParameter("Actions");
        }
        ObjectNode policy = policy(queue);
        ArrayNode statements = (ArrayNode) policy.get("Statement");
        if (indexOf(statements, label) >= 0) {
            throw SqsErrors.invalidParameter("Label", label, "Already exists");
        }
        ObjectNode statement = statements.addObject().put("Sid", label).put("Effect", "Allow");
        ArrayNode principals = statement.putObject("Principal").putArray("AWS");
        accounts.forEach(account -> principals.add("arn:aws:iam::" + account + ":root"));
        ArrayNode granted = statement.putArray("Action");
        actions.forEach(action -> granted.add("SQS:" + action));
        statement.put("Resource", queue.arn());
        regions.region(call).setAttributes(queue, Map.of("Policy", policy.toString()));
        return NODES.objectNode();
    }

    private JsonNode removePermission(DecodedCall call, Input input) {
        SqsQueue queue = regions.queue(call, input);
        String label = input.requiredString("Label");
        ObjectNode policy = policy(queue);
        ArrayNode statements = (ArrayNode) policy.get("Statement");
        int index = indexOf(statements, label);
        if (index < 0) {
            throw SqsErrors.invalidParameter("Label", label, "can't find label on existing policy");
        }
        statements.remove(index);
        String value = statements.isEmpty() ? "" : policy.toString();
        regions.region(call).setAttributes(queue, Map.of("Policy", value));
        return NODES.objectNode();
    }

    private static ObjectNode policy(SqsQueue queue) {
        String text = queue.attributes().value(QueueAttribute.POLICY);
        ObjectNode policy = null;
        try {
            policy = text == null ? null : (ObjectNode) JSON.read(text);
        } catch (IOException | ClassCastException e) {
            policy = null;
        }
        if (policy == null) {
            policy = NODES.objectNode().put("Version", "2012-10-17").put("Id", queue.arn() + "/SQSDefaultPolicy");
        }
        if (!(policy.get("Statement") instanceof ArrayNode)) {
            policy.putArray("Statement");
        }
        return policy;
    }

    private static int indexOf(ArrayNode statements, String label) {
        int index = 0;
        for (Iterator<JsonNode> it = statements.elements(); it.hasNext(); index++) {
            if (label.equals(it.next().path("Sid").asText(null))) {
                return index;
            }
        }
        return -1;
    }
}
