package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * API Gateway's own answers ("gateway responses"), with the exact bodies it sends and the
 * {@code x-amzn-ErrorType} header it adds. A REST API's answers carry their gateway response type, so an API's
 * customised gateway responses ({@link CustomGatewayResponses}) can replace them.
 */
final class GatewayResponses {

    private GatewayResponses() {
    }

    /** The member an answer's gateway response type travels in, until the answer is customised. */
    static final String TYPE = "__responseType";

    static ObjectNode forbidden() {
        return answer(403, "ForbiddenException", "{\"message\":\"Forbidden\"}");
    }

    /** A route that requires an API key got none, an unknown one, or one of no usage plan of the stage. */
    static ObjectNode invalidApiKey() {
        return typed(forbidden(), GatewayResponseType.INVALID_API_KEY);
    }

    /**
     * A request validator's 400, typed for gateway responses: BAD_REQUEST_BODY for a body that fails its model
     * ({@code Invalid request body}), else BAD_REQUEST_PARAMETERS.
     */
    static ObjectNode invalidRequest(ObjectNode refusal) {
        String body = new String(RestMessage.body(refusal), StandardCharsets.UTF_8);
        return typed(refusal, body.contains("Invalid request body") ? GatewayResponseType.BAD_REQUEST_BODY
                : GatewayResponseType.BAD_REQUEST_PARAMETERS);
    }

    /** A Lambda authorizer refused the identity, or the request has none (not in the identity sources). */
    static ObjectNode unauthorized() {
        return typed(answer(401, "UnauthorizedException", "{\"message\":\"Unauthorized\"}"),
                GatewayResponseType.UNAUTHORIZED);
    }

    /** The authorizer's policy denies the method: explicitly ({@code Effect: Deny}) or by allowing nothing that fits. */
    static ObjectNode accessDenied(boolean explicit) {
        String message = "User is not authorized to access this resource" + (explicit ? " with an explicit deny" : "");
        return typed(answer(403, "AccessDeniedException", "{\"message\":\"" + message + "\"}"),
                GatewayResponseType.ACCESS_DENIED);
    }

    /** The authorizer failed or answered something that is not a verdict: AWS answers a null message. */
    static ObjectNode authorizerConfigurationError() {
        return typed(answer(500, "AuthorizerConfigurationException", "{\"message\": null}"),
                GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR);
    }

    /** REST APIs answer an unknown route (or method) like this, whatever the credentials. */
    static ObjectNode missingAuthenticationToken() {
        return typed(answer(403, "MissingAuthenticationTokenException", "{\"message\":\"Missing Authentication Token\"}"),
                GatewayResponseType.MISSING_AUTHENTICATION_TOKEN);
    }

    static ObjectNode notFound() {
        return answer(404, "NotFoundException", "{\"message\":\"Not Found\"}");
    }

    static ObjectNode tooManyRequests() {
        return typed(answer(429, "TooManyRequestsException", "{\"message\":\"Too Many Requests\"}"),
                GatewayResponseType.THROTTLED);
    }

    static ObjectNode limitExceeded() {
        return typed(answer(429, "LimitExceededException", "{\"message\":\"Limit Exceeded\"}"),
                GatewayResponseType.QUOTA_EXCEEDED);
    }

    /** A Lambda error or a malformed proxy response (REST). */
    static ObjectNode badGateway() {
        return typed(answer(502, "InternalServerErrorException", "{\"message\": \"Internal server error\"}"),
                GatewayResponseType.DEFAULT_5XX);
    }

    /** The REST integration timeout of 29 seconds passed. */
    static ObjectNode integrationTimeout() {
        return typed(answer(504, "InternalServerErrorException", "{\"message\": \"Endpoint request timed out\"}"),
                GatewayResponseType.INTEGRATION_TIMEOUT);
    }

    /** A non-proxy integration's configuration failed: a template that does not render, no integration response. */
    static ObjectNode configurationError() {
        return typed(answer(500, "InternalServerErrorException", "{\"message\": \"Internal server error\"}"),
                GatewayResponseType.API_CONFIGURATION_ERROR);
    }

    /** No request template for the content type, and the passthrough behaviour refuses to pass it through. */
    static ObjectNode unsupportedMediaType() {
        return typed(answer(415, "UnsupportedMediaTypeException", "{\"message\": \"Unsupported Media Type\"}"),
                GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
    }

    /** HTTP APIs' answer to a failed integration. */
    static ObjectNode internalServerError() {
        return answer(500, "InternalServerErrorException", "{\"message\":\"Internal Server Error\"}");
    }

    static ObjectNode serviceUnavailable() {
        return answer(503, "ServiceUnavailableException", "{\"message\":\"Service Unavailable\"}");
    }

    private static ObjectNode typed(ObjectNode answer, GatewayResponseType type) {
        return answer.put(TYPE, type.name());
    }

    private static ObjectNode answer(int status, String errorType, String body) {
        return RestMessage.answer(status, "application/json", Map.of("x-amzn-ErrorType", errorType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    static int status(ObjectNode answer) {
        return answer.path("__status").intValue();
    }
}
