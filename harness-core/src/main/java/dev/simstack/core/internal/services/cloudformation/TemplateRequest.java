package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.Input;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The members CreateStack, UpdateStack, CreateChangeSet and ValidateTemplate share: the template (its body or
 * an S3 URL), parameters, capabilities and tags, read and checked once.
 */
final class TemplateRequest {

    private static final Pattern STACK_NAME = Pattern.compile("[a-zA-Z][-a-zA-Z0-9]*");

    private TemplateRequest() {
    }

    /** The template's text, from TemplateBody or TemplateURL (one of them; UsePreviousTemplate is the caller's). */
    static String body(Input input, String region, StackTemplates templates) {
        String body = input.string("TemplateBody");
        String url = input.string("TemplateURL");
        if (body != null && url != null) {
            throw CloudFormationErrors.validation("You cannot specify both TemplateURL and TemplateBody in the same "
                    + "request");
        }
        if (body == null && url == null) {
            throw CloudFormationErrors.validation("Either Template URL or Template Body must be specified.");
        }
        return body != null ? body : templates.templateAt(region, url);
    }

    /** The template parsed and checked for what every stack needs. */
    static JsonNode template(String body, StackTemplates templates) {
        JsonNode template = templates.parse(body);
        TemplateChecks.wellFormed(template);
        return template;
    }

    static List<String> capabilities(Input input) {
        return texts(input.node() == null ? null : input.node().get("Capabilities"));
    }

    static Map<String, String> tags(Input input) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode given = input.node() == null ? null : input.node().get("Tags");
        if (given != null && given.isArray()) {
            given.forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
        }
        return tags;
    }

    /** The Parameters member as given (a list of ParameterKey/ParameterValue/UsePreviousValue). */
    static JsonNode parameters(Input input) {
        JsonNode given = input.node() == null ? null : input.node().get("Parameters");
        return given != null && given.isArray() ? given : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .arrayNode();
    }

    /** Checks the capabilities the template needs were acknowledged; {@code direct}: not through a change set. */
    static void checkCapabilities(JsonNode template, List<String> capabilities, boolean direct) {
        String missing = TemplateChecks.missingCapability(template, capabilities, direct);
        if (missing != null) {
            throw CloudFormationErrors.insufficientCapabilities(missing);
        }
    }

    static String stackName(Input input) {
        String name = input.requiredString("StackName");
        if (name.length() > 128 || !STACK_NAME.matcher(name).matches()) {
            throw CloudFormationErrors.validation("1 validation error detected: Value '" + name + "' at 'stackName' "
                    + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "[a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*");
        }
        return name;
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(element -> texts.add(element.asText()));
        }
        return texts;
    }
}
