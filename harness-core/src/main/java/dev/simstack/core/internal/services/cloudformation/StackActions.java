package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.StackContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CreateStack, UpdateStack, DeleteStack, DescribeStacks, ListStacks and GetTemplate. */
final class StackActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StackContext context;
    private final CloudFormationStore store;
    private final StackTemplates templates;
    private final Provisioning provisioning;

    StackActions(StackContext context, CloudFormationStore store, StackTemplates templates,
            Provisioning provisioning) {
        this.context = context;
        this.store = store;
        this.templates = templates;
        this.provisioning = provisioning;
    }

    void register(OperationTable<CloudFormationService.CloudFormationOperation> operations) {
        operations.put("CreateStack", this::createStack);
        operations.put("UpdateStack", this::updateStack);
        operations.put("DeleteStack", this::deleteStack);
        operations.put("DescribeStacks", this::describeStacks);
        operations.put("ListStacks", this::listStacks);
        operations.put("GetTemplate", this::getTemplate);
    }

    private JsonNode createStack(DecodedCall call, Input input) {
        String name = TemplateRequest.stackName(input);
        String body = TemplateRequest.body(input, call.region(), templates);
        JsonNode template = TemplateRequest.template(body, templates);
        List<String> capabilities = TemplateRequest.capabilities(input);
        Map<String, String> parameters = TemplateChecks.parameters(template, TemplateRequest.parameters(input),
                Map.of());
        TemplateRequest.checkCapabilities(template, capabilities, true);
        String onFailure = onFailure(input);
        StackRecord stack = newStack(call.region(), name, body, template, parameters, capabilities,
                TemplateRequest.tags(input));
        stack.disableRollback = onFailure.equals("DO_NOTHING");
        provisioning.create(call.region(), stack, onFailure);
        return NODES.objectNode().put("StackId", stack.id);
    }

    /** A new stack of {@code name}, or AlreadyExistsException while a live stack has it. */
    StackRecord newStack(String region, String name, String body, JsonNode template, Map<String, String> parameters,
            List<String> capabilities, Map<String, String> tags) {
        if (store.find(region, name) != null) {
            throw CloudFormationErrors.alreadyExists("Stack [" + name + "] already exists");
        }
        String id = "arn:aws:cloudformation:" + region + ":" + context.accountId() + ":stack/" + name + "/"
                + context.ids().nextUuid();
        StackRecord stack = new StackRecord(id, name, context.clock().now());
        stack.templateBody = body;
        stack.template = template;
        stack.parameters = parameters;
        stack.capabilities = capabilities;
        stack.tags = tags;
        store.stacks(region).add(stack);
        return stack;
    }

    private static String onFailure(Input input) {
        String onFailure = input.string("OnFailure");
        Boolean disableRollback = input.has("DisableRollback") ? input.node().get("DisableRollback").asText()
                .equals("true") : null;
        if (onFailure != null && disableRollback != null) {
            throw CloudFormationErrors.validation("You cannot specify both DisableRollback and OnFailure.");
        }
        if (onFailure != null && !List.of("ROLLBACK", "DELETE", "DO_NOTHING").contains(onFailure)) {
            throw CloudFormationErrors.validation("1 validation error detected: Value '" + onFailure + "' at "
                    + "'onFailure' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[DO_NOTHING, ROLLBACK, DELETE]");
        }
        return onFailure != null ? onFailure : Boolean.TRUE.equals(disableRollback) ? "DO_NOTHING" : "ROLLBACK";
    }

    private JsonNode updateStack(DecodedCall call, Input input) {
        StackRecord stack = store.existing(call.region(), input.requiredString("StackName"));
        String body = input.has("UsePreviousTemplate") && input.node().get("UsePreviousTemplate").asText()
                .equals("true") ? stack.templateBody : TemplateRequest.body(input, call.region(), templates);
        JsonNode template = TemplateRequest.template(body, templates);
        Map<String, String> parameters = TemplateChecks.parameters(template, TemplateRequest.parameters(input),
                stack.parameters);
        List<String> capabilities = TemplateRequest.capabilities(input);
        TemplateRequest.checkCapabilities(template, capabilities, true);
        checkUpdatable(stack);
        List<TemplateChanges.Change> changes = TemplateChanges.update(stack, template, parameters,
                templates.excluded(call.region(), stack.name, template, parameters));
        if (changes.isEmpty()) {
            throw CloudFormationErrors.validation("No updates are to be performed.");
        }
        stack.capabilities = capabilities;
        provisioning.update(call.region(), stack, template, body, parameters, changes);
        return NODES.objectNode().put("StackId", stack.id);
    }

    /** AWS refuses to update a stack whose creation failed or that is mid-review. */
    static void checkUpdatable(StackRecord stack) {
        if (stack.isRolledBackCreation() || stack.status.equals("CREATE_FAILED")
                || stack.status.equals("REVIEW_IN_PROGRESS")) {
            throw CloudFormationErrors.validation("Stack:" + stack.id + " is in " + stack.status
                    + " state and can not be updated.");
        }
    }

    private JsonNode deleteStack(DecodedCall call, Input input) {
        StackRecord stack = store.find(call.region(), input.requiredString("StackName"));
        // Deleting a stack that does not exist (or is deleted) succeeds, as it does in AWS.
        if (stack != null && !stack.isDeleted()) {
            List<String> importers = importers(call.region(), stack);
            if (!importers.isEmpty()) {
                throw CloudFormationErrors.validation(importers.get(0));
            }
            provisioning.delete(call.region(), stack);
        }
        return NODES.objectNode();
    }

    /** "Export X cannot be deleted as it is in use by Y" for each export of the stack another stack imports. */
    private List<String> importers(String region, StackRecord stack) {
        List<String> uses = new ArrayList<>();
        for (StackTemplates.StackOutput output : stack.outputs) {
            if (output.exportName() == null) {
                continue;
            }
            for (StackRecord other : store.stacks(region)) {
                if (other != stack && !other.isDeleted() && other.template != null
                        && imports(other.template, output.exportName())) {
                    uses.add("Export " + output.exportName() + " cannot be deleted as it is in use by " + other.name);
                }
            }
        }
        return uses;
    }

    private static boolean imports(JsonNode node, String exportName) {
        if (node.isObject() && node.has("Fn::ImportValue")) {
            JsonNode argument = node.get("Fn::ImportValue");
            if (argument.isTextual() && argument.textValue().equals(exportName) || argument.toString()
                    .contains("\"" + exportName + "\"")) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (imports(child, exportName)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode describeStacks(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        ArrayNode stacks = output.putArray("Stacks");
        String name = input.string("StackName");
        if (name != null) {
            stacks.add(StackJson.stack(store.existing(call.region(), name)));
            return output;
        }
        for (StackRecord stack : store.stacks(call.region())) {
            if (!stack.isDeleted()) {
                stacks.add(StackJson.stack(stack));
            }
        }
        return output;
    }

    private JsonNode listStacks(DecodedCall call, Input input) {
        List<String> filter = new ArrayList<>();
        JsonNode given = input.node() == null ? null : input.node().get("StackStatusFilter");
        if (given != null && given.isArray()) {
            given.forEach(status -> filter.add(status.asText()));
        }
        ObjectNode output = NODES.objectNode();
        ArrayNode summaries = output.putArray("StackSummaries");
        List<StackRecord> newestFirst = new ArrayList<>(store.stacks(call.region()));
        java.util.Collections.reverse(newestFirst);
        for (StackRecord stack : newestFirst) {
            if (filter.isEmpty() || filter.contains(stack.status)) {
                summaries.add(StackJson.summary(stack));
            }
        }
        return output;
    }

    private JsonNode getTemplate(DecodedCall call, Input input) {
        String changeSetName = input.string("ChangeSetName");
        String stackName = input.string("StackName");
        if (changeSetName != null) {
            ChangeSet changeSet = store.changeSet(call.region(), changeSetName, stackName);
            return NODES.objectNode().put("TemplateBody", changeSet.templateBody());
        }
        if (stackName == null) {
            throw CloudFormationErrors.validation("Either StackName or ChangeSetName must be specified.");
        }
        StackRecord stack = store.existing(call.region(), stackName);
        ObjectNode output = NODES.objectNode().put("TemplateBody", stack.templateBody);
        output.putArray("StagesAvailable").add("Original").add("Processed");
        return output;
    }
}
