package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A REST API's authorizer as CreateAuthorizer and UpdateAuthorizer configure it, read from and written to
 * AWS's JSON shape (so an update patches the written shape and reads it back, as methods do).
 *
 * @param id its id
 * @param name its name
 * @param type TOKEN or REQUEST (Lambda authorizers), or COGNITO_USER_POOLS (stored, not enforced)
 * @param authorizerUri {@code arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/ARN/invocations}
 * @param authorizerCredentials the role API Gateway assumes to invoke it (stored)
 * @param identitySource {@code method.request.header.Authorization}; for REQUEST a comma-separated list
 * @param identityValidationExpression a regular expression a TOKEN must match, or null
 * @param resultTtlInSeconds how long a verdict is cached by identity; 0 turns caching off
 * @param providerArns Cognito user pools (stored)
 * @param authType stored as given
 */
record Authorizer(String id, String name, String type, String authorizerUri, String authorizerCredentials,
        String identitySource, String identityValidationExpression, int resultTtlInSeconds, List<String> providerArns,
        String authType) {

    /** AWS's default when CreateAuthorizer names no {@code authorizerResultTtlInSeconds}. */
    static final int DEFAULT_TTL = 300;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    Authorizer {
        providerArns = List.copyOf(providerArns);
    }

    /** True for the authorizers SimStack enforces: a Lambda function's verdict. */
    boolean lambda() {
        return type.equals("TOKEN") || type.equals("REQUEST");
    }

    /** The identity sources, in order ({@code method.request.header.X}, {@code method.request.querystring.Y}, ...). */
    List<String> identitySources() {
        List<String> sources = new ArrayList<>();
        if (identitySource != null) {
            for (String source : identitySource.split(",")) {
                if (!source.isBlank()) {
                    sources.add(source.trim());
                }
            }
        }
        return sources;
    }

    /** The function's ARN in {@code authorizerUri}, or null. */
    String functionArn() {
        return ControlPlane.target("AWS_PROXY", authorizerUri, null);
    }

    ObjectNode json() {
        ObjectNode json = NODES.objectNode();
        json.put("id", id);
        json.put("name", name);
        json.put("type", type);
        putText(json, "authorizerUri", authorizerUri);
        putText(json, "authorizerCredentials", authorizerCredentials);
        putText(json, "identitySource", identitySource);
        putText(json, "identityValidationExpression", identityValidationExpression);
        json.put("authorizerResultTtlInSeconds", resultTtlInSeconds);
        if (!providerArns.isEmpty()) {
            providerArns.forEach(json.putArray("providerARNs")::add);
        }
        putText(json, "authType", authType);
        return json;
    }

    /** Reads the shape; numbers may come as text (patch operations carry every value as a string). */
    static Authorizer from(String id, JsonNode json) {
        List<String> providers = new ArrayList<>();
        json.path("providerARNs").forEach(arn -> providers.add(arn.asText()));
        JsonNode ttl = json.path("authorizerResultTtlInSeconds");
        return new Authorizer(id, text(json, "name"), text(json, "type"), text(json, "authorizerUri"),
                text(json, "authorizerCredentials"), text(json, "identitySource"),
                text(json, "identityValidationExpression"),
                ttl.isMissingNode() || ttl.isNull() ? DEFAULT_TTL : ttl.asInt(DEFAULT_TTL), providers,
                text(json, "authType"));
    }

    private static void putText(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.path(name);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
