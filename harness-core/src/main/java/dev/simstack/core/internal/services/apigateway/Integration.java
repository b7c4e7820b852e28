package dev.simstack.core.internal.services.apigateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A method's integration (PutIntegration): its type and URI, request parameter mappings, request templates
 * by content type, passthrough behaviour, and its integration responses by status code.
 */
record Integration(String type, String httpMethod, String uri, Map<String, String> requestParameters,
        Map<String, String> requestTemplates, String passthroughBehavior, String contentHandling,
        int timeoutInMillis, String cacheNamespace, List<String> cacheKeyParameters,
        Map<String, IntegrationResponse> integrationResponses) {

    Integration {
        requestParameters = Map.copyOf(requestParameters);
        requestTemplates = Map.copyOf(requestTemplates);
        cacheKeyParameters = List.copyOf(cacheKeyParameters);
        integrationResponses = Map.copyOf(integrationResponses);
    }

    /** True for the proxy types, whose requests and answers are not mapped. */
    boolean proxy() {
        return type.equals("AWS_PROXY") || type.equals("HTTP_PROXY");
    }

    Integration withResponse(String statusCode, IntegrationResponse response) {
        Map<String, IntegrationResponse> next = new LinkedHashMap<>(integrationResponses);
        if (response == null) {
            next.remove(statusCode);
        } else {
            next.put(statusCode, response);
        }
        return new Integration(type, httpMethod, uri, requestParameters, requestTemplates, passthroughBehavior,
                contentHandling, timeoutInMillis, cacheNamespace, cacheKeyParameters, next);
    }

    /** The same integration with {@code other}'s integration responses (an update keeps them). */
    Integration keeping(Integration other) {
        return new Integration(type, httpMethod, uri, requestParameters, requestTemplates, passthroughBehavior,
                contentHandling, timeoutInMillis, cacheNamespace, cacheKeyParameters, other.integrationResponses);
    }
}
