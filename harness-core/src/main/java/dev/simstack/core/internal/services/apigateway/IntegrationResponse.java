package dev.simstack.core.internal.services.apigateway;

import java.util.Map;

/**
 * An integration response (PutIntegrationResponse): the method response status it answers with, the
 * {@code selectionPattern} (a regular expression over the backend's status or error message; none for the
 * default response), header mappings and response templates by content type.
 */
record IntegrationResponse(String statusCode, String selectionPattern, Map<String, String> responseParameters,
        Map<String, String> responseTemplates, String contentHandling) {

    IntegrationResponse {
        responseParameters = Map.copyOf(responseParameters);
        responseTemplates = Map.copyOf(responseTemplates);
    }

    /** The default response answers whatever no other pattern matched. */
    boolean isDefault() {
        return selectionPattern == null || selectionPattern.isEmpty();
    }
}
