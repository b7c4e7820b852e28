package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.StackContext;
import java.util.List;
import java.util.Map;

/**
 * CreateChangeSet, DescribeChangeSet, ExecuteChangeSet, DeleteChangeSet and ListChangeSets, as
 * {@code aws cloudformation deploy} and {@code sam deploy} drive them. A CREATE change set makes its stack in
 * REVIEW_IN_PROGRESS; a change set without changes is FAILED with AWS's reason, which deploy's
 * {@code --no-fail-on-empty-changeset} looks for.
 */
final class ChangeSetActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String NO_CHANGES = "The submitted information didn't contain changes. Submit different information "
            + "to create a change set.";

    private final StackContext context;
    private final CloudFormationStore store;
    private final StackTemplates templates;
    private final StackActions stacks;
    private final Provisioning provisioning;

    ChangeSetActions(StackContext context, CloudFormationStore store, StackTemplates templates, StackActions stacks,
            Provisioning provisioning) {
        this.context = context;
        this.store = store;
        this.templates = templates;
        this.stacks = stacks;
        this.provisioning = provisioning;
    }

    void register(OperationTable<CloudFormationService.CloudFormationOperation> operations) {
        operations.put("CreateChangeSet", this::createChangeSet);
        operations.put("DescribeChangeSet", this::describeChangeSet);
        operations.put("ExecuteChangeSet", this::executeChangeSet);
        operations.put("DeleteChangeSet", this::deleteChangeSet);
        operations.put("ListChangeSets", this::listChangeSets);
    }

    private JsonNode createChangeSet(DecodedCall call, Input input) {
        String region = call.region();
        String stackName = TemplateRequest.stackName(input);
        String name = input.requiredString("ChangeSetName");
        String type = input.string("ChangeSetType") == null ? "UPDATE" : input.string("ChangeSetType");
        StackRecord stack = store.find(region, stackName);
        String body = input.has("UsePreviousTemplate") && input.node().get("UsePreviousTemplate").asText()
                .equals("true") && stack != null ? stack.templateBody : TemplateRequest.body(input, region, templates);
        JsonNode template = TemplateRequest.template(body, templates);
        List<String> capabilities = TemplateRequest.capabilities(input);
        TemplateRequest.checkCapabilities(template, capabilities, false);
        Map<String, String> tags = TemplateRequest.tags(input);
        Map<String, String> parameters;
        List<TemplateChanges.Change> changes;
        if (type.equals("CREATE")) {
            if (stack != null && !stack.status.equals("REVIEW_IN_PROGRESS")) {
                throw CloudFormationErrors.alreadyExists("Stack [" + stackName + "] already exists and cannot be "
                        + "created again with the changeSet [" + name + "].");
            }
            parameters = TemplateChecks.parameters(template, TemplateRequest.parameters(input), Map.of());
            if (stack == null) {
                stack = stacks.newStack(region, stackName, null, null, Map.of(), capabilities, tags);
                provisioning.stackEvent(stack, "REVIEW_IN_PROGRESS", "User Initiated");
            }
            changes = TemplateChanges.creation(template, templates.excluded(region, stackName, template,
                    parameters));
        } else if (type.equals("UPDATE")) {
            if (stack == null || stack.status.equals("REVIEW_IN_PROGRESS")) {
                throw CloudFormationErrors.validation("Stack [" + stackName + "] does not exist");
            }
            parameters = TemplateChecks.parameters(template, TemplateRequest.parameters(input), stack.parameters);
            changes = TemplateChanges.update(stack, template, parameters, templates.excluded(region, stackName,
                    template, parameters));
        } else {
            throw CloudFormationErrors.validation("1 validation error detected: Value '" + type + "' at "
                    + "'changeSetType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[CREATE, UPDATE, IMPORT]");
        }
        for (ChangeSet existing : store.changeSets(region).values()) {
            if (existing.name().equals(name) && existing.stackId().equals(stack.id)) {
                throw CloudFormationErrors.alreadyExists("ChangeSet " + name + " already exists");
            }
        }
        String id = "arn:aws:cloudformation:" + region + ":" + context.accountId() + ":changeSet/" + name + "/"
                + context.ids().nextUuid();
        boolean empty = changes.isEmpty();
        ChangeSet changeSet = new ChangeSet(id, name, stack.id, stack.name, type, empty ? "FAILED" : "CREATE_COMPLETE",
                empty ? "UNAVAILABLE" : "AVAILABLE", empty ? NO_CHANGES : null, input.string("Description"),
                context.clock().now(), body, template, parameters, capabilities, tags, changes);
        store.changeSets(region).put(id, changeSet);
        return NODES.objectNode().put("Id", id).put("StackId", stack.id);
    }

    private JsonNode describeChangeSet(DecodedCall call, Input input) {
        ChangeSet changeSet = store.changeSet(call.region(), input.requiredString("ChangeSetName"),
                input.string("StackName"));
        ObjectNode output = summary(changeSet);
        output.set("Parameters", StackJson.parameters(changeSet.parameters()));
        ArrayNode capabilities = output.putArray("Capabilities");
        changeSet.capabilities().forEach(capabilities::add);
        output.set("Tags", StackJson.tags(changeSet.tags()));
        ArrayNode changes = output.putArray("Changes");
        for (TemplateChanges.Change change : changeSet.changes()) {
            ObjectNode resource = changes.addObject().put("Type", "Resource").putObject("ResourceChange")
                    .put("Action", change.action()).put("LogicalResourceId", change.logicalId());
            if (change.physicalId() != null) {
                resource.put("PhysicalResourceId", change.physicalId());
            }
            resource.put("ResourceType", change.type());
            if (change.replacement() != null) {
                resource.put("Replacement", change.replacement());
                resource.putArray("Scope").add("Properties");
            }
        }
        return output;
    }

    private JsonNode executeChangeSet(DecodedCall call, Input input) {
        String region = call.region();
        ChangeSet changeSet = store.changeSet(region, input.requiredString("ChangeSetName"),
                input.string("StackName"));
        if (!changeSet.executionStatus().equals("AVAILABLE")) {
            throw new dev.simstack.core.AwsException("InvalidChangeSetStatus", 400, "ChangeSet [" + changeSet.id()
                    + "] cannot be executed in its current status of [" + changeSet.status() + "]");
        }
        StackRecord stack = store.existing(region, changeSet.stackId());
        store.changeSets(region).put(changeSet.id(), changeSet.withExecutionStatus("EXECUTE_COMPLETE"));
        if (changeSet.type().equals("CREATE")) {
            stack.template = changeSet.template();
            stack.templateBody = changeSet.templateBody();
            stack.parameters = changeSet.parameters();
            stack.capabilities = changeSet.capabilities();
            stack.tags = changeSet.tags();
            boolean disableRollback = input.has("DisableRollback")
                    && input.node().get("DisableRollback").asText().equals("true");
            stack.disableRollback = disableRollback;
            provisioning.create(region, stack, disableRollback ? "DO_NOTHING" : "ROLLBACK");
        } else {
            StackActions.checkUpdatable(stack);
            stack.capabilities = changeSet.capabilities();
            provisioning.update(region, stack, changeSet.template(), changeSet.templateBody(),
                    changeSet.parameters(), changeSet.changes());
        }
        // Executing a change set deletes the stack's other change sets, as AWS does.
        store.changeSets(region).values().removeIf(other -> other.stackId().equals(stack.id)
                && !other.id().equals(changeSet.id()));
        return NODES.objectNode();
    }

    private JsonNode deleteChangeSet(DecodedCall call, Input input) {
        ChangeSet changeSet = store.changeSet(call.region(), input.requiredString("ChangeSetName"),
                input.string("StackName"));
        store.changeSets(call.region()).remove(changeSet.id());
        return NODES.objectNode();
    }

    private JsonNode listChangeSets(DecodedCall call, Input input) {
        StackRecord stack = store.existing(call.region(), input.requiredString("StackName"));
        ObjectNode output = NODES.objectNode();
        ArrayNode summaries = output.putArray("Summaries");
        for (ChangeSet changeSet : store.changeSets(call.region()).values()) {
            if (changeSet.stackId().equals(stack.id)) {
                summaries.add(summary(changeSet));
            }
        }
        return output;
    }

    private static ObjectNode summary(ChangeSet changeSet) {
        ObjectNode json = NODES.objectNode().put("ChangeSetName", changeSet.name()).put("ChangeSetId", changeSet.id())
                .put("StackId", changeSet.stackId()).put("StackName", changeSet.stackName());
        if (changeSet.description() != null) {
            json.put("Description", changeSet.description());
        }
        json.put("CreationTime", StackJson.date(changeSet.created()))
                .put("ExecutionStatus", changeSet.executionStatus()).put("Status", changeSet.status());
        if (changeSet.reason() != null) {
            json.put("StatusReason", changeSet.reason());
        }
        return json;
    }
}
