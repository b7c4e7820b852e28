package dev.simstack.core.internal.services.apigateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A method of a REST API resource as PutMethod and UpdateMethod configure it, with its method responses
 * and its integration (null until PutIntegration).
 *
 * @param httpMethod GET, POST, ..., or ANY
 * @param authorizationType NONE, AWS_IAM, CUSTOM (enforced through the authorizer) or COGNITO_USER_POOLS (stored)
 * @param apiKeyRequired whether {@code x-api-key} must name a key of a usage plan of the stage
 * @param requestValidatorId the request validator's id, or null
 * @param operationName the operation name, or null
 * @param requestParameters {@code method.request.header|querystring|path.NAME} to whether it is required
 * @param requestModels content type to model name
 * @param methodResponses by status code
 * @param integration the integration, or null
 * @param authorizerId the authorizer a CUSTOM method calls, or null
 */
record Method(String httpMethod, String authorizationType, boolean apiKeyRequired, String requestValidatorId,
        String operationName, Map<String, Boolean> requestParameters, Map<String, String> requestModels,
        Map<String, MethodResponse> methodResponses, Integration integration, String authorizerId) {

    Method {
        requestParameters = Map.copyOf(requestParameters);
        requestModels = Map.copyOf(requestModels);
        methodResponses = Map.copyOf(methodResponses);
    }

    /** A method without an authorizer. */
    Method(String httpMethod, String authorizationType, boolean apiKeyRequired, String requestValidatorId,
            String operationName, Map<String, Boolean> requestParameters, Map<String, String> requestModels,
            Map<String, MethodResponse> methodResponses, Integration integration) {
        this(httpMethod, authorizationType, apiKeyRequired, requestValidatorId, operationName, requestParameters,
                requestModels, methodResponses, integration, null);
    }

    Method withIntegration(Integration next) {
        return new Method(httpMethod, authorizationType, apiKeyRequired, requestValidatorId, operationName,
                requestParameters, requestModels, methodResponses, next, authorizerId);
    }

    Method withResponse(String statusCode, MethodResponse response) {
        Map<String, MethodResponse> next = new LinkedHashMap<>(methodResponses);
        if (response == null) {
            next.remove(statusCode);
        } else {
            next.put(statusCode, response);
        }
        return new Method(httpMethod, authorizationType, apiKeyRequired, requestValidatorId, operationName,
                requestParameters, requestModels, next, integration, authorizerId);
    }

    /** The same method with {@code other}'s responses and integration (an update keeps them). */
    Method keeping(Method other) {
        return new Method(httpMethod, authorizationType, apiKeyRequired, requestValidatorId, operationName,
                requestParameters, requestModels, other.methodResponses, other.integration, authorizerId);
    }
}
