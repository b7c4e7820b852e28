package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A REST API's authorizers in an OpenAPI definition, both ways. A security scheme with
 * {@code x-amazon-apigateway-authorizer} is an authorizer named after the scheme (a TOKEN authorizer's identity
 * source defaults to the scheme's header); {@code x-amazon-apigateway-authtype} is stored as its {@code authType},
 * and {@code awsSigv4} without an authorizer means IAM authorization. An operation's (else the definition's)
 * {@code security} naming such a scheme sets the method's authorization type and authorizer.
 */
final class OpenApiAuthorizers {

    /** A method's authorization as a security requirement gives it. */
    record Authorization(String type, String authorizerId) {

        static final Authorization NONE = new Authorization("NONE", null);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String AUTHORIZER = "x-amazon-apigateway-authorizer";
    static final String AUTH_TYPE = "x-amazon-apigateway-authtype";

    private final OpenApiDocument document;
    /** The definition's authorizers by scheme name, ids kept from the API's authorizers of the same name. */
    private final Map<String, Authorizer> bySchemeName = new LinkedHashMap<>();

    /** Reads and checks the definition's authorizers; {@code existing} lends its ids to those of the same name. */
    OpenApiAuthorizers(OpenApiDocument document, Map<String, Authorizer> existing, ApiRegions ids) {
        this.document = document;
        document.securitySchemes().fields().forEachRemaining(scheme -> {
            JsonNode extension = scheme.getValue().path(AUTHORIZER);
            if (extension.isObject()) {
                String id = existing.values().stream().filter(a -> a.name().equals(scheme.getKey()))
                        .map(Authorizer::id).findFirst().orElseGet(ids::newId);
                bySchemeName.put(scheme.getKey(), read(id, scheme.getKey(), scheme.getValue(), extension));
            }
        });
    }

    private static Authorizer read(String id, String name, JsonNode scheme, JsonNode extension) {
        ObjectNode json = ((ObjectNode) extension).deepCopy();
        json.put("name", name);
        json.put("type", extension.path("type").asText("").toUpperCase(Locale.ROOT));
        if (!json.has("identitySource") && json.path("type").asText().equals("TOKEN")
                && scheme.path("in").asText().equals("header")) {
            json.put("identitySource", "method.request.header." + scheme.path("name").asText());
        }
        if (scheme.has(AUTH_TYPE)) {
            json.put("authType", scheme.get(AUTH_TYPE).asText());
        }
        try {
            return AuthorizerActions.checked(Authorizer.from(id, json));
        } catch (RuntimeException e) {
            throw ControlPlane.badRequest("Errors found during import: Unable to create authorizer '" + name + "': "
                    + e.getMessage());
        }
    }

    /** The authorizers to store, by id. */
    Map<String, Authorizer> authorizers() {
        Map<String, Authorizer> byId = new LinkedHashMap<>();
        bySchemeName.values().forEach(a -> byId.put(a.id(), a));
        return byId;
    }

    /** The authorization the operation's (else the definition's) security requirements give a method. */
    Authorization of(JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.get("security") : document.root().path("security");
        for (JsonNode requirement : security) {
            for (var names = requirement.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                Authorizer authorizer = bySchemeName.get(name);
                if (authorizer != null) {
                    return new Authorization(authorizer.lambda() ? "CUSTOM" : authorizer.type(), authorizer.id());
                }
                JsonNode scheme = document.securitySchemes().path(name);
                if (scheme.path(AUTH_TYPE).asText().equalsIgnoreCase("awsSigv4")) {
                    return new Authorization("AWS_IAM", null);
                }
            }
        }
        return Authorization.NONE;
    }

    /** True if the scheme is an API key requirement, not an authorizer's or IAM's header. */
    static boolean apiKeyScheme(JsonNode scheme) {
        return scheme.path("type").asText().equals("apiKey") && !scheme.has(AUTHORIZER) && !scheme.has(AUTH_TYPE);
    }

    /** Adds the API's authorizers (and {@code sigv4} if a method uses IAM) to the definition's schemes. */
    static void exportSchemes(RestApi api, ObjectNode schemes, boolean iam, boolean extensions) {
        for (Authorizer authorizer : new TreeMap<>(byName(api)).values()) {
            ObjectNode scheme = schemes.putObject(authorizer.name());
            String source = authorizer.identitySources().isEmpty() ? "" : authorizer.identitySources().get(0);
            scheme.put("type", "apiKey").put("name", source.startsWith("method.request.header.")
                    ? source.substring("method.request.header.".length()) : "Unused").put("in", "header");
            if (extensions) {
                scheme.put(AUTH_TYPE, authorizer.authType() != null ? authorizer.authType()
                        : authorizer.lambda() ? "custom" : "cognito_user_pools");
                ObjectNode extension = authorizer.json();
                extension.remove("id");
                extension.remove("name");
                extension.remove("authType");
                extension.put("type", authorizer.type().toLowerCase(Locale.ROOT));
                scheme.set(AUTHORIZER, extension);
            }
        }
        if (iam) {
            ObjectNode scheme = schemes.putObject("sigv4").put("type", "apiKey").put("name", "Authorization")
                    .put("in", "header");
            if (extensions) {
                scheme.put(AUTH_TYPE, "awsSigv4");
            }
        }
    }

    /** The security requirement of a method's authorization, added to {@code security}; none for NONE. */
    static void exportRequirement(RestApi api, Method method, ArrayNode security) {
        Authorizer authorizer = method.authorizerId() == null ? null : api.authorizers().get(method.authorizerId());
        if (authorizer != null) {
            security.addObject().putArray(authorizer.name());
        } else if (method.authorizationType().equals("AWS_IAM")) {
            security.addObject().putArray("sigv4");
        }
    }

    private static Map<String, Authorizer> byName(RestApi api) {
        Map<String, Authorizer> byName = new LinkedHashMap<>();
        api.authorizers().values().forEach(a -> byName.put(a.name(), a));
        return byName;
    }

    /** A fresh array, for callers that build a {@code security} member only when it has entries. */
    static ArrayNode array() {
        return NODES.arrayNode();
    }
}
