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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * AddPermission and RemovePermission: they edit the queue's Policy attribute, one statement per label
 * (its Sid) granting {@code SQS:<action>} to account root principals on the queue's ARN, as SQS does; a
 * queue has no Policy until one is set or added, and loses it with its last statement. Policies are stored,
 * not enforced: every caller may do everything.
 */
final class PermissionActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonTrees JSON = new JsonTrees();
    /** "An Amazon SQS policy can have a maximum of 7 actions." */
    private static final int MAX_ACTIONS = 7;
    /** The actions a queue owner can share; the others (SetQueueAttributes, AddPermission, ...) are the owner's. */
    private static final Set<String> SHARED_ACTIONS = Set.of("*", "SendMessage", "ReceiveMessage", "DeleteMessage",
            "ChangeMessageVisibility", "GetQueueAttributes", "GetQueueUrl", "ListDeadLetterSourceQueues", "PurgeQueue");

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
        checkGrant(accounts, actions);
        ObjectNode policy = policy(queue);
        ArrayNode statements = (ArrayNode) policy.get("Statement");
        if (indexOf(statements, label) >= 0) {
            throw SqsErrors.invalidParameter("Label", label, "Already exists");
        }
        ObjectNode statement = statements.addObject().put("Sid", label).put("Effect", "Allow");
        statement.putObject("Principal").set("AWS", oneOrMany(accounts.stream()
                .map(account -> "arn:aws:iam::" + account + ":root").collect(Collectors.toList())));
        statement.set("Action", oneOrMany(actions.stream().map(action -> "SQS:" + action)
                .collect(Collectors.toList())));
        statement.put("Resource", queue.arn());
        regions.region(call).setAttributes(queue, Map.of("Policy", policy.toString()));
        return NODES.objectNode();
    }

    /** AddPermission's rules, in the order SQS applies them. */
    private static void checkGrant(List<String> accounts, List<String> actions) {
        if (actions.isEmpty()) {
            throw SqsErrors.missingParameter("Actions");
        }
        if (accounts.isEmpty()) {
            throw SqsErrors.invalidParameterValue("Value [] for parameter PrincipalId is invalid. Reason: Unable to "
                    + "verify.");
        }
        if (actions.size() > MAX_ACTIONS) {
            throw SqsErrors.overLimit(actions.size() + " Actions were found, maximum allowed is " + MAX_ACTIONS + ".");
        }
        for (String action : actions) {
            if (!SHARED_ACTIONS.contains(action)) {
                throw SqsErrors.invalidParameter("ActionName", "SQS:" + action,
                        "Only the queue owner is allowed to invoke this action");
            }
        }
    }

    /** A single principal or action is written as a string, several as a list, as SQS writes the statement. */
    private static JsonNode oneOrMany(List<String> values) {
        if (values.size() == 1) {
            return NODES.textNode(values.get(0));
        }
        ArrayNode list = NODES.arrayNode();
        values.forEach(list::add);
        return list;
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
