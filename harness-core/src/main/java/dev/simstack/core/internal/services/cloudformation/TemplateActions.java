package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a template declares, without making a stack: ValidateTemplate, and GetTemplateSummary (which
 * {@code aws cloudformation deploy} asks of an existing stack to carry its parameters over).
 */
final class TemplateActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CloudFormationStore store;
    private final StackTemplates templates;

    TemplateActions(CloudFormationStore store, StackTemplates templates) {
        this.store = store;
        this.templates = templates;
    }

    void register(OperationTable<CloudFormationService.CloudFormationOperation> operations) {
        operations.put("ValidateTemplate", this::validateTemplate);
        operations.put("GetTemplateSummary", this::getTemplateSummary);
    }

    private JsonNode validateTemplate(DecodedCall call, Input input) {
        JsonNode template = TemplateRequest.template(TemplateRequest.body(input, call.region(), templates), templates);
        ObjectNode output = NODES.objectNode();
        output.set("Parameters", parameters(template, false));
        describe(template, output);
        return output;
    }

    private JsonNode getTemplateSummary(DecodedCall call, Input input) {
        String stackName = input.string("StackName");
        String body = stackName != null && !input.has("TemplateBody") && !input.has("TemplateURL")
                ? store.existing(call.region(), stackName).templateBody
                : TemplateRequest.body(input, call.region(), templates);
        JsonNode template = TemplateRequest.template(body, templates);
        ObjectNode output = NODES.objectNode();
        output.set("Parameters", parameters(template, true));
        describe(template, output);
        Set<String> types = new LinkedHashSet<>();
        template.path("Resources").forEach(resource -> types.add(resource.path("Type").asText()));
        ArrayNode resourceTypes = output.putArray("ResourceTypes");
        types.forEach(resourceTypes::add);
        output.put("Version", template.path("AWSTemplateFormatVersion").asText("2010-09-09"));
        return output;
    }

    private static ArrayNode parameters(JsonNode template, boolean withTypes) {
        ArrayNode parameters = NODES.arrayNode();
        template.path("Parameters").fields().forEachRemaining(parameter -> {
            ObjectNode entry = parameters.addObject().put("ParameterKey", parameter.getKey());
            JsonNode fallback = parameter.getValue().get("Default");
            if (fallback != null) {
                entry.put("DefaultValue", fallback.asText());
            }
            if (withTypes) {
                entry.put("ParameterType", parameter.getValue().path("Type").asText("String"));
            }
            entry.put("NoEcho", parameter.getValue().path("NoEcho").asText("false").equals("true"));
            if (parameter.getValue().has("Description")) {
                entry.put("Description", parameter.getValue().get("Description").asText());
            }
        });
        return parameters;
    }

    /** Description, Capabilities with their reason, and DeclaredTransforms, which both answers carry. */
    private static void describe(JsonNode template, ObjectNode output) {
        if (template.path("Description").isTextual()) {
            output.put("Description", template.get("Description").textValue());
        }
        String capability = TemplateChecks.iamCapability(template);
        ArrayNode capabilities = output.putArray("Capabilities");
        if (capability != null) {
            capabilities.add(capability);
            output.put("CapabilitiesReason", "The following resource(s) require capabilities: "
                    + TemplateChecks.iamTypes(template));
        }
        ArrayNode transforms = output.putArray("DeclaredTransforms");
        JsonNode transform = template.path("Transform");
        if (transform.isTextual()) {
            transforms.add(transform.textValue());
        }
        transform.forEach(each -> transforms.add(each.asText()));
    }
}
