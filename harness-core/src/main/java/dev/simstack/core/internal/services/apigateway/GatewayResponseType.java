package dev.simstack.core.internal.services.apigateway;

import java.util.Arrays;
import java.util.List;

/**
 * API Gateway's gateway response types ("Gateway response types for API Gateway") with the status each
 * answers by default; DEFAULT_4XX and DEFAULT_5XX have none of their own: they stand for every type of their
 * class that an API does not customise.
 */
enum GatewayResponseType {
    ACCESS_DENIED(403),
    API_CONFIGURATION_ERROR(500),
    AUTHORIZER_CONFIGURATION_ERROR(500),
    AUTHORIZER_FAILURE(500),
    BAD_REQUEST_PARAMETERS(400),
    BAD_REQUEST_BODY(400),
    DEFAULT_4XX(0),
    DEFAULT_5XX(0),
    EXPIRED_TOKEN(403),
    INTEGRATION_FAILURE(504),
    INTEGRATION_TIMEOUT(504),
    INVALID_API_KEY(403),
    INVALID_SIGNATURE(403),
    MISSING_AUTHENTICATION_TOKEN(403),
    QUOTA_EXCEEDED(429),
    REQUEST_TOO_LARGE(413),
    RESOURCE_NOT_FOUND(404),
    THROTTLED(429),
    UNAUTHORIZED(401),
    UNSUPPORTED_MEDIA_TYPE(415),
    WAF_FILTERED(403);

    /** The template every default response has: the error message as a JSON string. */
    static final String DEFAULT_TEMPLATE = "{\"message\":$context.error.messageString}";

    private final int status;

    GatewayResponseType(int status) {
        this.status = status;
    }

    /** The default status, or 0 for DEFAULT_4XX and DEFAULT_5XX. */
    int status() {
        return status;
    }

    /** The type of this name, or a BadRequestException listing the types. */
    static GatewayResponseType of(String name) {
        for (GatewayResponseType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw ControlPlane.badRequest("Invalid gateway response type specified: " + name + ". Must be one of "
                + names());
    }

    static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).sorted().toList();
    }
}
