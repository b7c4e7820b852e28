package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * API Gateway's own answers ("gateway responses"), with the exact bodies it sends and the
 * {@code x-amzn-ErrorType} header it adds.
 */
final class GatewayResponses {

    private GatewayResponses() {
    }

    static ObjectNode forbidden() {
        return answer(403, "ForbiddenException", "{\"message\":\"Forbidden\"}");
    }

    /** REST APIs answer an unknown route (or method) like this, whatever the credentials. */
    static ObjectNode missingAuthenticationToken() {
        return answer(403, "MissingAuthenticationTokenException", "{\"message\":\"Missing Authentication Token\"}");
    }

    static ObjectNode notFound() {
        return answer(404, "NotFoundException", "{\"message\":\"Not Found\"}");
    }

    static ObjectNode tooManyRequests() {
        return answer(429, "TooManyRequestsException", "{\"message\":\"Too Many Requests\"}");
    }

    static ObjectNode limitExceeded() {
        return answer(429, "LimitExceededException", "{\"message\":\"Limit Exceeded\"}");
    }

    /** A Lambda error or a malformed proxy response (REST). */
    static ObjectNode badGateway() {
        return answer(502, "InternalServerErrorException", "{\"message\": \"Internal server error\"}");
    }

    /** The REST integration timeout of 29 seconds passed. */
    static ObjectNode integrationTimeout() {
        return answer(504, "InternalServerErrorException", "{\"message\": \"Endpoint request timed out\"}");
    }

    /** A non-proxy integration's configuration failed: a template that does not render, no integration response. */
    static ObjectNode configurationError() {
        return answer(500, "InternalServerErrorException", "{\"message\": \"Internal server error\"}");
    }

    /** No request template for the content type, and the passthrough behaviour refuses to pass it through. */
    static ObjectNode unsupportedMediaType() {
        return answer(415, "UnsupportedMediaTypeException", "{\"message\": \"Unsupported Media Type\"}");
    }

    /** HTTP APIs' answer to a failed integration. */
    static ObjectNode internalServerError() {
        return answer(500, "InternalServerErrorException", "{\"message\":\"Internal Server Error\"}");
    }

    static ObjectNode serviceUnavailable() {
        return answer(503, "ServiceUnavailableException", "{\"message\":\"Service Unavailable\"}");
    }

    private static ObjectNode answer(int status, String errorType, String body) {
        return RestMessage.answer(status, "application/json", Map.of("x-amzn-ErrorType", errorType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    static int status(ObjectNode answer) {
        return answer.path("__status").intValue();
    }
}
