package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What applying a template to a stack would change, resource by resource, as a change set lists it. A
 * resource whose definition or parameters changed is replaced: SimStack re-creates it rather than updating it
 * in place (see docs/compatibility.md), so its Replacement is {@code True}.
 */
final class TemplateChanges {

    /** One resource change: Action Add, Modify or Remove; {@code replacement} is True, False or null. */
    record Change(String action, String logicalId, String physicalId, String type, String replacement) {
    }

    private TemplateChanges() {
    }

    /** Every resource of {@code template} as an Add: a new stack's changes. */
    static List<Change> creation(JsonNode template) {
        List<Change> changes = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(resource -> changes.add(new Change("Add",
                resource.getKey(), null, resource.getValue().path("Type").asText(), null)));
        return changes;
    }

    /**
     * The changes from the stack's template and parameters to the new ones: resources added, removed, and
     * modified (a changed definition, or a changed parameter value while the template refers to parameters).
     */
    static List<Change> update(StackRecord stack, JsonNode template, Map<String, String> parameters) {
        JsonNode before = stack.template.path("Resources");
        JsonNode after = template.path("Resources");
        boolean parametersChanged = !parameters.equals(stack.parameters);
        List<Change> changes = new ArrayList<>();
        after.fields().forEachRemaining(resource -> {
            String id = resource.getKey();
            String type = resource.getValue().path("Type").asText();
            StackResource held = stack.resources.get(id);
            if (!before.has(id) || held == null) {
                changes.add(new Change("Add", id, null, type, null));
            } else if (!before.get(id).equals(resource.getValue()) || parametersChanged
                    && refersToParameters(resource.getValue(), template)) {
                changes.add(new Change("Modify", id, held.physicalId(), type, "True"));
            }
        });
        before.fields().forEachRemaining(resource -> {
            StackResource held = stack.resources.get(resource.getKey());
            if (!after.has(resource.getKey()) && held != null) {
                changes.add(new Change("Remove", resource.getKey(), held.physicalId(), held.type(), null));
            }
        });
        return changes;
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
