package dev.simstack.core.internal.services.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** What CloudFormation checks of a template before it touches a resource: its shape, capabilities, parameters. */
final class TemplateChecks {

    private static final Pattern RESOURCE_TYPE = Pattern.compile("(AWS|Alexa)::\\w+::\\w+|Custom::[\\w@-]+");
    /** IAM resource types and the property that names one (CAPABILITY_NAMED_IAM), as AWS lists them. */
    private static final Map<String, String> IAM_TYPES = Map.of("AWS::IAM::Role", "RoleName",
            "AWS::IAM::Policy", "", "AWS::IAM::ManagedPolicy", "ManagedPolicyName",
            "AWS::IAM::InstanceProfile", "InstanceProfileName", "AWS::IAM::User", "UserName",
            "AWS::IAM::Group", "GroupName", "AWS::IAM::AccessKey", "", "AWS::IAM::UserToGroupAddition", "");

    private TemplateChecks() {
    }

    /** Fails with "Template format error: ..." when the template cannot be a stack's. */
    static void wellFormed(JsonNode template) {
        if (!template.isObject()) {
            throw CloudFormationErrors.templateFormat("JSON not well-formed. (line 1, column 1)");
        }
        JsonNode resources = template.path("Resources");
        if (!resources.isObject() || resources.isEmpty()) {
            throw CloudFormationErrors.templateFormat("At least one Resources member must be defined.");
        }
        Set<String> unknown = new TreeSet<>();
        resources.fields().forEachRemaining(resource -> {
            String type = resource.getValue().path("Type").asText("");
            if (!RESOURCE_TYPE.matcher(type).matches()) {
                unknown.add(type);
            }
        });
        if (!unknown.isEmpty()) {
            throw CloudFormationErrors.templateFormat("Unrecognized resource types: " + unknown);
        }
        Set<String> unresolved = new TreeSet<>();
        resources.forEach(resource -> references(resource, unresolved));
        unresolved.removeIf(name -> name.startsWith("AWS::") || resources.has(name)
                || template.path("Parameters").has(name));
        if (!unresolved.isEmpty()) {
            throw CloudFormationErrors.templateFormat("Unresolved resource dependencies " + unresolved
                    + " in the Resources block of the template");
        }
    }

    /** The names {@code Ref} and {@code Fn::GetAtt} point at in {@code node}. */
    private static void references(JsonNode node, Set<String> names) {
        if (node.isObject() && node.size() == 1) {
            JsonNode ref = node.get("Ref");
            JsonNode getAtt = node.get("Fn::GetAtt");
            if (ref != null && ref.isTextual()) {
                names.add(ref.textValue());
                return;
            }
            if (getAtt != null && getAtt.isArray() && getAtt.path(0).isTextual()) {
                names.add(getAtt.get(0).textValue());
                return;
            }
        }
        node.forEach(child -> references(child, names));
    }

    /**
     * The capability the template needs and the caller did not acknowledge, or null: IAM resources need
     * CAPABILITY_IAM (CAPABILITY_NAMED_IAM with a custom name), a SAM function without a Role makes one;
     * a transform needs CAPABILITY_AUTO_EXPAND when the stack is created or updated directly.
     */
    static String missingCapability(JsonNode template, List<String> given, boolean direct) {
        String needed = iamCapability(template);
        if (needed != null && !given.contains(needed) && !given.contains("CAPABILITY_NAMED_IAM")) {
            return needed;
        }
        if (direct && template.has("Transform") && !given.contains("CAPABILITY_AUTO_EXPAND")) {
            return "CAPABILITY_AUTO_EXPAND";
        }
        return null;
    }

    /** CAPABILITY_NAMED_IAM, CAPABILITY_IAM or null for what the template's IAM resources need. */
    static String iamCapability(JsonNode template) {
        String needed = null;
        for (JsonNode resource : template.path("Resources")) {
            String type = resource.path("Type").asText();
            String nameProperty = IAM_TYPES.get(type);
            boolean samRole = type.equals("AWS::Serverless::Function") && !resource.path("Properties").has("Role");
            if (nameProperty != null && !nameProperty.isEmpty() && resource.path("Properties").has(nameProperty)) {
                return "CAPABILITY_NAMED_IAM";
            }
            if (nameProperty != null || samRole) {
                needed = "CAPABILITY_IAM";
            }
        }
        return needed;
    }

    /** The IAM resource types that need a capability, for ValidateTemplate's CapabilitiesReason. */
    static Set<String> iamTypes(JsonNode template) {
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode resource : template.path("Resources")) {
            String type = resource.path("Type").asText();
            if (IAM_TYPES.containsKey(type)) {
                types.add(type);
            } else if (type.equals("AWS::Serverless::Function") && !resource.path("Properties").has("Role")) {
                types.add("AWS::IAM::Role");
            }
        }
        return types;
    }

    /**
     * The parameter values a stack runs with: those given, the previous ones where {@code UsePreviousValue}
     * asks, the defaults otherwise. Unknown and missing parameters fail as AWS answers them.
     */
    static Map<String, String> parameters(JsonNode template, JsonNode given, Map<String, String> previous) {
        JsonNode declared = template.path("Parameters");
        Map<String, String> values = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (JsonNode parameter : given) {
            String key = parameter.path("ParameterKey").asText();
            if (!declared.has(key)) {
                unknown.add(key);
            } else if (parameter.path("UsePreviousValue").asText("false").equals("true")) {
                if (previous.containsKey(key)) {
                    values.put(key, previous.get(key));
                }
            } else {
                values.put(key, parameter.path("ParameterValue").asText(""));
            }
        }
        if (!unknown.isEmpty()) {
            throw CloudFormationErrors.validation("Parameters: " + unknown + " do not exist in the template");
        }
        List<String> missing = new ArrayList<>();
        declared.fields().forEachRemaining(parameter -> {
            if (values.containsKey(parameter.getKey())) {
                return;
            }
            JsonNode fallback = parameter.getValue().get("Default");
            if (fallback == null) {
                missing.add(parameter.getKey());
            } else {
                values.put(parameter.getKey(), fallback.isArray() ? join(fallback) : fallback.asText());
            }
        });
        if (!missing.isEmpty()) {
            throw CloudFormationErrors.validation("Parameters: " + missing + " must have values");
        }
        return values;
    }

    private static String join(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return String.join(",", texts);
    }
}
