package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.table.ResourcePolicy;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import dev.simstack.core.internal.services.dynamodb.table.TableSettings;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy on tables and their streams, and CreateTable's
 * {@code ResourcePolicy}. Policies are validated and stored with a revision id, never enforced. A revision id
 * is the stack clock's epoch milliseconds, made strictly increasing (AWS's are timestamps, so later ones
 * compare greater); putting the same document again keeps its revision, as AWS does.
 */
final class ResourcePolicies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NO_POLICY = "NO_POLICY";
    private static final Pattern ARN = Pattern.compile(
            "arn:[^:]+:dynamodb:([^:]+):([^:]*):table/([^/]+)(/stream/[^/]+)?");

    private final StackContext context;
    private final Tables tables;
    private long lastRevision;

    ResourcePolicies(StackContext context, Tables tables) {
        this.context = context;
        this.tables = tables;
    }

    void register(OperationTable<DynamoDbOperation> operations) {
        operations.put("PutResourcePolicy", this::put);
        operations.put("GetResourcePolicy", this::get);
        operations.put("DeleteResourcePolicy", this::delete);
    }

    /** Attaches CreateTable's {@code ResourcePolicy} (checked by {@link PolicyDocument#check}) to a new table. */
    void attach(Table table, String document) {
        table.settings().policies().put(table.settings().arn(), new ResourcePolicy(document, nextRevision()));
    }

    private JsonNode put(DecodedCall call, Input input) {
        Target target = target(call, input);
        String text = input.string("Policy");
        if (text == null) {
            throw DynamoDbErrors.constraint("null", "policy", "Member must not be null");
        }
        input.bool("ConfirmRemoveSelfResourceAccess"); // accepted: policies are stored, not enforced
        String document = PolicyDocument.check(text);
        Map<String, ResourcePolicy> policies = target.settings.policies();
        synchronized (policies) {
            ResourcePolicy current = policies.get(target.arn);
            checkExpected(target, input.string("ExpectedRevisionId"), current);
            if (current == null || !current.document().equals(document)) {
                current = new ResourcePolicy(document, nextRevision());
                policies.put(target.arn, current);
            }
            return NODES.objectNode().put("RevisionId", current.revisionId());
        }
    }

    private JsonNode get(DecodedCall call, Input input) {
        Target target = target(call, input);
        ResourcePolicy current = target.settings.policies().get(target.arn);
        if (current == null) {
            throw notFound(target.arn);
        }
        return NODES.objectNode().put("Policy", current.document()).put("RevisionId", current.revisionId());
    }

    private JsonNode delete(DecodedCall call, Input input) {
        Target target = target(call, input);
        Map<String, ResourcePolicy> policies = target.settings.policies();
        synchronized (policies) {
            ResourcePolicy current = policies.get(target.arn);
            if (current == null) {
                throw notFound(target.arn);
            }
            checkExpected(target, input.string("ExpectedRevisionId"), current);
            policies.remove(target.arn);
            ObjectNode output = NODES.objectNode();
            return output.put("RevisionId", current.revisionId());
        }
    }

    /** AWS's answers to an {@code ExpectedRevisionId} that does not match (an AWS-verified suite's). */
    private static void checkExpected(Target target, String expected, ResourcePolicy current) {
        if (expected == null) {
            return;
        }
        if (expected.equals(NO_POLICY)) {
            if (current != null) {
                throw new AwsException("PolicyNotFoundException", 400, "Resource-based policy not found for the "
                        + "provided ResourceArn: Requested policy update expecting none to be present for "
                        + target.kind + " " + target.name + ", but a policy exists with revision id "
                        + current.revisionId() + ".");
            }
            return;
        }
        if (current == null) {
            throw notFound(target.arn);
        }
        if (!current.revisionId().equals(expected)) {
            throw new AwsException("PolicyNotFoundException", 400, "Resource-based policy not found for the provided "
                    + "ResourceArn: Requested update for policy with revision id " + expected + ", but the policy "
                    + "associated to target " + target.kind + " " + target.name + " has revision id "
                    + current.revisionId() + ".");
        }
    }

    private static AwsException notFound(String arn) {
        return new AwsException("PolicyNotFoundException", 400, "Resource-based policy not found for the provided "
                + "ResourceArn: " + arn);
    }

    /** The table or stream {@code ResourceArn} names, or AWS's refusal. */
    private Target target(DecodedCall call, Input input) {
        String arn = input.string("ResourceArn");
        if (arn == null) {
            throw DynamoDbErrors.constraint("null", "resourceArn", "Member must not be null");
        }
        Matcher matcher = ARN.matcher(arn);
        if (!matcher.matches()) {
            throw DynamoDbErrors.validation("Invalid ResourceArn provided as input " + arn);
        }
        Table table = tables.find(matcher.group(1), matcher.group(3));
        if (table == null) {
            throw DynamoDbErrors.tableNotFound(matcher.group(3));
        }
        if (matcher.group(4) == null) {
            return new Target(table.settings(), arn, "table", table.name());
        }
        if (table.stream() == null || !table.stream().arn().equals(arn)) {
            throw new AwsException("ResourceNotFoundException", 400, "Requested resource not found: Stream: " + arn
                    + " not found");
        }
        return new Target(table.settings(), arn, "stream", arn);
    }

    private synchronized String nextRevision() {
        lastRevision = Math.max(context.clock().millis(), lastRevision + 1);
        return Long.toString(lastRevision);
    }

    /** A policy's holder: the table's settings, the ARN, and how AWS's messages name it. */
    private record Target(TableSettings settings, String arn, String kind, String name) {
    }
}
