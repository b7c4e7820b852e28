package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What applying a template to a stack would change, resource by resource, as a change set lists it. A queue
 * or function whose name stays is updated in place (SetQueueAttributes, UpdateFunctionConfiguration and
 * UpdateFunctionCode), Replacement {@code False}; any other changed resource is replaced (deleted and made
 * again), Replacement {@code True}: where AWS replaces (a queue's name, a table's key schema) and, beyond AWS,
 * where the engine has no update call behind it (see docs/compatibility.md).
 */
final class TemplateChanges {

    /** One resource change: Action Add, Modify or Remove; {@code replacement} is True, False or null. */
    record Change(String action, String logicalId, String physicalId, String type, String replacement) {
    }

    private TemplateChanges() {
    }

    /** Every resource of {@code template} as an Add: a new stack's changes. */
    static List<Change> creation(JsonNode template, java.util.Set<String> excluded) {
        List<Change> changes = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(resource -> {
            if (!excluded.contains(resource.getKey())) {
                changes.add(new Change("Add", resource.getKey(), null, resource.getValue().path("Type").asText(),
                        null));
            }
        });
        return changes;
    }

    /**
     * The changes from the stack's template and parameters to the new ones: resources added, removed, and
     * modified (a changed definition, or a changed parameter value while the template refers to parameters).
     */
    static List<Change> update(StackRecord stack, JsonNode template, Map<String, String> parameters,
            java.util.Set<String> excluded) {
        JsonNode before = stack.template.path("Resources");
        JsonNode after = template.path("Resources");
        boolean parametersChanged = !parameters.equals(stack.parameters);
        List<Change> changes = new ArrayList<>();
        after.fields().forEachRemaining(resource -> {
            String id = resource.getKey();
            String type = resource.getValue().path("Type").asText();
            StackResource held = stack.resources.get(id);
            if (excluded.contains(id)) {
                return; // its condition is false: removed below if the stack holds it
            }
            if (!before.has(id) || held == null) {
                changes.add(new Change("Add", id, null, type, null));
            } else if (!before.get(id).equals(resource.getValue()) || parametersChanged
                    && refersToParameters(resource.getValue(), template)) {
                changes.add(new Change("Modify", id, held.physicalId(), type,
                        inPlace(type, before.get(id), resource.getValue()) ? "False" : "True"));
            }
        });
        before.fields().forEachRemaining(resource -> {
            StackResource held = stack.resources.get(resource.getKey());
            boolean gone = !after.has(resource.getKey()) || excluded.contains(resource.getKey());
            if (gone && held != null) {
                changes.add(new Change("Remove", resource.getKey(), held.physicalId(), held.type(), null));
            }
        });
        return changes;
    }

    /** Whether the engine updates this change in place: a queue or function that keeps its name (and FIFO-ness). */
    private static boolean inPlace(String type, JsonNode before, JsonNode after) {
        List<String> identity = switch (type) {
            case "AWS::SQS::Queue" -> List.of("QueueName", "FifoQueue");
            case "AWS::Lambda::Function", "AWS::Serverless::Function" -> List.of("FunctionName", "Events");
            default -> null;
        };
        if (identity == null) {
            return false;
        }
        for (String property : identity) {
            if (!before.path("Properties").path(property).equals(after.path("Properties").path(property))) {
                return false;
            }
        }
        return true;
    }

    private static boolean refersToParameters(JsonNode definition, JsonNode template) {
        String text = definition.toString();
        for (var it = template.path("Parameters").fieldNames(); it.hasNext();) {
            String name = it.next();
            if (text.contains("\"" + name + "\"") || text.contains("${" + name + "}")) {
                return true;
            }
        }
        return false;
    }
}
