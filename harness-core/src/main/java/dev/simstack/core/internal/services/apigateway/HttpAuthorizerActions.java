package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * CreateAuthorizer, GetAuthorizer, GetAuthorizers, UpdateAuthorizer, DeleteAuthorizer and ResetAuthorizersCache
 * of HTTP APIs: JWT authorizers (an issuer and its audiences) and Lambda ({@code REQUEST}) authorizers in payload
 * format 1.0 or 2.0, checked as "Controlling access to HTTP APIs with JWT authorizers" and "Working with AWS Lambda
 * authorizers for HTTP APIs" describe them. An authorizer a route uses cannot be deleted (409, as AWS).
 */
final class HttpAuthorizerActions {

    private static final Set<String> MEMBERS = Set.of("name", "authorizerType", "authorizerUri",
            "authorizerCredentialsArn", "authorizerPayloadFormatVersion", "authorizerResultTtlInSeconds",
            "enableSimpleResponses", "identitySource", "identityValidationExpression", "jwtConfiguration");
    /** The identity sources of HTTP API authorizers: a header, a query string parameter, context or stage variable. */
    private static final Pattern IDENTITY_SOURCE =
            Pattern.compile("\\$(request\\.header|request\\.querystring|context|stageVariables)\\.[^\\s,]+");
    private static final int MAX_TTL = 3600;

    private final HttpControlPlane plane;

    HttpAuthorizerActions(HttpControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put(HttpApiRoutes.PREFIX + "CreateAuthorizer", this::createAuthorizer);
        operations.put(HttpApiRoutes.PREFIX + "GetAuthorizer", (call, input) -> read(call, input, false));
        operations.put(HttpApiRoutes.PREFIX + "GetAuthorizers", (call, input) -> HttpControlPlane.items(
                plane.api(call, input).httpDefinition(), HttpApiDefinition::authorizers));
        operations.put(HttpApiRoutes.PREFIX + "UpdateAuthorizer", (call, input) -> read(call, input, true));
        operations.put(HttpApiRoutes.PREFIX + "DeleteAuthorizer", this::deleteAuthorizer);
        operations.put(HttpApiRoutes.PREFIX + "ResetAuthorizersCache", this::resetCache);
    }

    private JsonNode createAuthorizer(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        synchronized (definition) {
            ObjectNode json = HttpControlPlane.NODES.objectNode();
            json.put("authorizerId", plane.newId());
            ObjectNode authorizer = HttpControlPlane.merge(json, input.node(), MEMBERS);
            check(authorizer);
            definition.authorizers().put(authorizer.path("authorizerId").asText(), authorizer);
            return authorizer.deepCopy();
        }
    }

    private JsonNode read(DecodedCall call, Input input, boolean update) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        synchronized (definition) {
            String id = input.node().path("authorizerId").asText();
            ObjectNode authorizer = HttpControlPlane.part(definition.authorizers(), id, "Authorizer");
            if (!update) {
                return authorizer.deepCopy();
            }
            ObjectNode next = HttpControlPlane.merge(authorizer, input.node(), MEMBERS);
            check(next);
            definition.authorizers().put(id, next);
            api.authorizerCache().flushAuthorizer(id); // a changed authorizer's cached answers no longer hold
            return next.deepCopy();
        }
    }

    private JsonNode deleteAuthorizer(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        HttpApiDefinition definition = api.httpDefinition();
        synchronized (definition) {
            String id = input.node().path("authorizerId").asText();
            ObjectNode authorizer = HttpControlPlane.part(definition.authorizers(), id, "Authorizer");
            for (ObjectNode route : definition.routes().values()) {
                if (route.path("authorizerId").asText().equals(id)) {
                    throw ControlPlane.conflict("Cannot delete authorizer '" + authorizer.path("name").asText()
                            + "', is referenced in route: " + route.path("routeKey").asText());
                }
            }
            definition.authorizers().remove(id);
            api.authorizerCache().flushAuthorizer(id);
        }
        return HttpControlPlane.NODES.objectNode();
    }

    private JsonNode resetCache(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        String stage = input.node().path("stageName").asText();
        HttpControlPlane.part(api.httpDefinition().stages(), stage, "Stage");
        api.authorizerCache().flushStage(stage);
        return HttpControlPlane.NODES.objectNode();
    }

    /** The members AWS requires of the authorizer's type, and their forms. */
    static void check(ObjectNode authorizer) {
        if (authorizer.path("name").asText("").isBlank()) {
            throw ControlPlane.badRequest("Name is required: give the authorizer a name");
        }
        for (JsonNode source : authorizer.path("identitySource")) {
            if (!IDENTITY_SOURCE.matcher(source.asText()).matches()) {
                throw ControlPlane.badRequest("Invalid identity source specified: " + source.asText()
                        + "; an identity source is $request.header.NAME, $request.querystring.NAME,"
                        + " $context.NAME or $stageVariables.NAME");
            }
        }
        String type = authorizer.path("authorizerType").asText("");
        switch (type) {
            case "JWT" -> checkJwt(authorizer);
            case "REQUEST" -> checkRequest(authorizer);
            default -> throw ControlPlane.badRequest("Invalid authorizer type specified: " + type
                    + "; an HTTP API's authorizer type is JWT or REQUEST");
        }
    }

    private static void checkJwt(ObjectNode authorizer) {
        JsonNode jwt = authorizer.path("jwtConfiguration");
        if (jwt.path("issuer").asText("").isBlank()) {
            throw ControlPlane.badRequest("JwtConfiguration.Issuer is required for a JWT authorizer: the URL of"
                    + " the identity provider, such as https://cognito-idp.REGION.amazonaws.com/POOL_ID");
        }
        if (authorizer.path("identitySource").size() != 1) {
            throw ControlPlane.badRequest("A JWT authorizer takes exactly one identity source, such as"
                    + " $request.header.Authorization");
        }
        if (authorizer.has("authorizerUri") || authorizer.has("authorizerPayloadFormatVersion")) {
            throw ControlPlane.badRequest("AuthorizerUri and AuthorizerPayloadFormatVersion are not supported for"
                    + " authorizer type JWT; they configure REQUEST (Lambda) authorizers");
        }
    }

    private static void checkRequest(ObjectNode authorizer) {
        if (authorizer.path("authorizerUri").asText("").isBlank()) {
            throw ControlPlane.badRequest("AuthorizerUri is required for authorizer type REQUEST: the function's"
                    + " arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/ARN/invocations");
        }
        String version = authorizer.path("authorizerPayloadFormatVersion").asText("");
        if (!version.equals("1.0") && !version.equals("2.0")) {
            throw ControlPlane.badRequest("AuthorizerPayloadFormatVersion is required for authorizer type REQUEST"
                    + " and must be 1.0 or 2.0, not '" + version + "'");
        }
        if (authorizer.path("enableSimpleResponses").asBoolean(false) && !version.equals("2.0")) {
            throw ControlPlane.badRequest("EnableSimpleResponses is supported only with"
                    + " AuthorizerPayloadFormatVersion 2.0");
        }
        if (authorizer.has("jwtConfiguration")) {
            throw ControlPlane.badRequest("JwtConfiguration is supported only for authorizer type JWT");
        }
        int ttl = authorizer.path("authorizerResultTtlInSeconds").asInt(0);
        if (ttl < 0 || ttl > MAX_TTL) {
            throw ControlPlane.badRequest("AuthorizerResultTtlInSeconds must be between 0 and 3600, not " + ttl);
        }
        if (ttl > 0 && authorizer.path("identitySource").isEmpty()) {
            throw ControlPlane.badRequest("IdentitySource is required when authorizer caching is enabled"
                    + " (AuthorizerResultTtlInSeconds " + ttl + "): results are cached by its values");
        }
        authorizer.put("authorizerResultTtlInSeconds", ttl);
    }
}
