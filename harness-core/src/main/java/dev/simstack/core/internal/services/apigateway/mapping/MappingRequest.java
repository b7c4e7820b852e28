package dev.simstack.core.internal.services.apigateway.mapping;

import java.util.Map;

/**
 * What a mapping template sees of the method request besides the payload: its parameters (first values),
 * {@code $context} and {@code $stageVariables}.
 *
 * @param pathParameters path parameters by name
 * @param queryParameters query string parameters by name
 * @param headers headers by name, as sent
 * @param context {@code $context}: requestId, stage, httpMethod, resourcePath, identity.sourceIp, ...
 * @param stageVariables the stage's variables
 */
public record MappingRequest(Map<String, String> pathParameters, Map<String, String> queryParameters,
        Map<String, String> headers, Map<String, Object> context, Map<String, String> stageVariables) {
}
