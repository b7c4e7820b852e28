package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;

/**
 * What a stack holds and did: DescribeStackEvents (newest first), DescribeStackResources,
 * DescribeStackResource, ListStackResources, and the region's ListExports.
 */
final class ResourceActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CloudFormationStore store;

    ResourceActions(CloudFormationStore store) {
        this.store = store;
    }

    void register(OperationTable<CloudFormationService.CloudFormationOperation> operations) {
        operations.put("DescribeStackEvents", this::describeStackEvents);
        operations.put("DescribeStackResources", this::describeStackResources);
        operations.put("DescribeStackResource", this::describeStackResource);
        operations.put("ListStackResources", this::listStackResources);
        operations.put("ListExports", this::listExports);
    }

    private JsonNode describeStackEvents(DecodedCall call, Input input) {
        StackRecord stack = store.existing(call.region(), input.requiredString("StackName"));
        ObjectNode output = NODES.objectNode();
        ArrayNode events = output.putArray("StackEvents");
        for (int i = stack.events.size() - 1; i >= 0; i--) {
            events.add(StackJson.event(stack, stack.events.get(i)));
        }
        return output;
    }

    private JsonNode describeStackResources(DecodedCall call, Input input) {
        String name = input.string("StackName");
        if (name == null) {
            throw CloudFormationErrors.validation("StackName must be specified: SimStack does not look stacks up "
                    + "by PhysicalResourceId");
        }
        StackRecord stack = store.existing(call.region(), name);
        ObjectNode output = NODES.objectNode();
        ArrayNode resources = output.putArray("StackResources");
        String logicalId = input.string("LogicalResourceId");
        for (StackResource resource : stack.resources.values()) {
            if (logicalId == null || logicalId.equals(resource.logicalId())) {
                resources.add(StackJson.resource(stack, resource, true, "Timestamp"));
            }
        }
        return output;
    }

    private JsonNode describeStackResource(DecodedCall call, Input input) {
        StackRecord stack = store.existing(call.region(), input.requiredString("StackName"));
        String logicalId = input.requiredString("LogicalResourceId");
        StackResource resource = stack.resources.get(logicalId);
        if (resource == null) {
            throw CloudFormationErrors.validation("Resource " + logicalId + " does not exist for stack "
                    + stack.name);
        }
        ObjectNode detail = StackJson.resource(stack, resource, true, "LastUpdatedTimestamp");
        detail.put("Metadata", metadata(stack, logicalId));
        ObjectNode output = NODES.objectNode();
        output.set("StackResourceDetail", detail);
        return output;
    }

    private static String metadata(StackRecord stack, String logicalId) {
        JsonNode metadata = stack.template.path("Resources").path(logicalId).path("Metadata");
        return metadata.isMissingNode() ? "{}" : metadata.toString();
    }

    private JsonNode listStackResources(DecodedCall call, Input input) {
        StackRecord stack = store.existing(call.region(), input.requiredString("StackName"));
        ObjectNode output = NODES.objectNode();
        ArrayNode summaries = output.putArray("StackResourceSummaries");
        for (StackResource resource : stack.resources.values()) {
            summaries.add(StackJson.resource(stack, resource, false, "LastUpdatedTimestamp"));
        }
        return output;
    }

    private JsonNode listExports(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        ArrayNode exports = output.putArray("Exports");
        for (CloudFormationStore.Export export : store.exports(call.region()).values()) {
            exports.addObject().put("ExportingStackId", export.stackId()).put("Name", export.name())
                    .put("Value", export.value());
        }
        return output;
    }
}
