package dev.simstack.core.internal.services.apigateway;

import java.util.Map;

/**
 * A method response (PutMethodResponse): a status code the method may answer, the headers it may carry
 * ({@code method.response.header.NAME} to required) and its models by content type.
 */
record MethodResponse(String statusCode, Map<String, Boolean> responseParameters, Map<String, String> responseModels) {

    MethodResponse {
        responseParameters = Map.copyOf(responseParameters);
        responseModels = Map.copyOf(responseModels);
    }
}
