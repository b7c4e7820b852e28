package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** CloudFormation's output shapes (the Query codec writes them as XML with {@code <member>} lists). */
final class StackJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StackJson() {
    }

    static ObjectNode stack(StackRecord stack) {
        ObjectNode json = NODES.objectNode().put("StackId", stack.id).put("StackName", stack.name);
        if (stack.description() != null) {
            json.put("Description", stack.description());
        }
        json.set("Parameters", parameters(stack.parameters));
        json.put("CreationTime", date(stack.created));
        if (stack.lastUpdated != null) {
            json.put("LastUpdatedTime", date(stack.lastUpdated));
        }
        if (stack.deleted != null) {
            json.put("DeletionTime", date(stack.deleted));
        }
        json.put("StackStatus", stack.status);
        if (stack.reason != null) {
            json.put("StackStatusReason", stack.reason);
        }
        json.put("DisableRollback", stack.disableRollback);
        ArrayNode capabilities = json.putArray("Capabilities");
        stack.capabilities.forEach(capabilities::add);
        ArrayNode outputs = json.putArray("Outputs");
        for (StackTemplates.StackOutput output : stack.outputs) {
            ObjectNode entry = outputs.addObject().put("OutputKey", output.key()).put("OutputValue", output.value());
            if (output.description() != null) {
                entry.put("Description", output.description());
            }
            if (output.exportName() != null) {
                entry.put("ExportName", output.exportName());
            }
        }
        json.set("Tags", tags(stack.tags));
        json.put("EnableTerminationProtection", false);
        json.putObject("DriftInformation").put("StackDriftStatus", "NOT_CHECKED");
        return json;
    }

    static ObjectNode summary(StackRecord stack) {
        ObjectNode json = NODES.objectNode().put("StackId", stack.id).put("StackName", stack.name);
        if (stack.description() != null) {
            json.put("TemplateDescription", stack.description());
        }
        json.put("CreationTime", date(stack.created));
        if (stack.lastUpdated != null) {
            json.put("LastUpdatedTime", date(stack.lastUpdated));
        }
        if (stack.deleted != null) {
            json.put("DeletionTime", date(stack.deleted));
        }
        json.put("StackStatus", stack.status);
        if (stack.reason != null) {
            json.put("StackStatusReason", stack.reason);
        }
        json.putObject("DriftInformation").put("StackDriftStatus", "NOT_CHECKED");
        return json;
    }

    static ObjectNode event(StackRecord stack, StackEvent event) {
        ObjectNode json = NODES.objectNode().put("StackId", stack.id).put("EventId", event.eventId())
                .put("StackName", stack.name).put("LogicalResourceId", event.logicalId())
                .put("PhysicalResourceId", event.physicalId()).put("ResourceType", event.type())
                .put("Timestamp", date(event.timestamp())).put("ResourceStatus", event.status());
        if (event.reason() != null) {
            json.put("ResourceStatusReason", event.reason());
        }
        return json;
    }

    /** A resource as DescribeStackResources (with the stack) or ListStackResources (a summary) shows it. */
    static ObjectNode resource(StackRecord stack, StackResource resource, boolean withStack, String timeMember) {
        ObjectNode json = NODES.objectNode();
        if (withStack) {
            json.put("StackName", stack.name).put("StackId", stack.id);
        }
        json.put("LogicalResourceId", resource.logicalId());
        if (!resource.physicalId().isEmpty()) {
            json.put("PhysicalResourceId", resource.physicalId());
        }
        json.put("ResourceType", resource.type()).put(timeMember, date(resource.updated()))
                .put("ResourceStatus", resource.status());
        if (resource.reason() != null) {
            json.put("ResourceStatusReason", resource.reason());
        }
        json.putObject("DriftInformation").put("StackResourceDriftStatus", "NOT_CHECKED");
        return json;
    }

    static ArrayNode parameters(Map<String, String> parameters) {
        ArrayNode list = NODES.arrayNode();
        parameters.forEach((key, value) -> list.addObject().put("ParameterKey", key).put("ParameterValue", value));
        return list;
    }

    static ArrayNode tags(Map<String, String> tags) {
        ArrayNode list = NODES.arrayNode();
        tags.forEach((key, value) -> list.addObject().put("Key", key).put("Value", value));
        return list;
    }

    /** ISO 8601 with milliseconds, as CloudFormation writes its timestamps. */
    static String date(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
