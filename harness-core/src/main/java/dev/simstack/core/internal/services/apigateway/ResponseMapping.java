package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The method response of a non-proxy integration: the integration response whose {@code selectionPattern}
 * matches the backend's status code (the whole code, as a Java regular expression), else the default one (no
 * pattern); its response template chosen by the request's {@code Accept} (else application/json, else the
 * first); and its {@code method.response.header.*} mappings.
 */
final class ResponseMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the backend answered. */
    record Backend(int status, Map<String, String> headers, String body) {
    }

    private ResponseMapping() {
    }

    /** The integration response for the backend's answer, or null when none matches and there is no default. */
    static IntegrationResponse select(Integration integration, Backend backend) {
        String status = Integer.toString(backend.status());
        IntegrationResponse fallback = null;
        for (IntegrationResponse response : integration.integrationResponses().values()) {
            if (response.isDefault()) {
                fallback = response;
            } else if (Pattern.compile(response.selectionPattern(), Pattern.DOTALL).matcher(status).matches()) {
                return response;
            }
        }
        return fallback;
    }

    /** The content type and template to answer with, or null when the response has no templates. */
    static Map.Entry<String, String> template(IntegrationResponse response, String accept) {
        Map<String, String> templates = response.responseTemplates();
        if (templates.isEmpty()) {
            return null;
        }
        if (accept != null) {
            for (String wanted : accept.split(",")) {
                String type = RequestMapping.mediaType(wanted);
                if (templates.containsKey(type)) {
                    return Map.entry(type, templates.get(type));
                }
            }
        }
        if (templates.containsKey("application/json")) {
            return Map.entry("application/json", templates.get("application/json"));
        }
        String first = templates.keySet().stream().sorted().findFirst().orElseThrow();
        return Map.entry(first, templates.get(first));
    }

    /**
     * The method response headers: {@code 'literal'}, {@code integration.response.header.NAME},
     * {@code integration.response.body} or {@code integration.response.body.JSONPATH-WITHOUT-$}.
     */
    static Map<String, String> headers(IntegrationResponse response, Backend backend) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.responseParameters().forEach((target, source) -> {
            if (target.startsWith("method.response.header.")) {
                String value = source(source, backend);
                if (value != null) {
                    headers.put(target.substring("method.response.header.".length()), value);
                }
            }
        });
        return headers;
    }

    private static String source(String source, Backend backend) {
        if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
            return source.substring(1, source.length() - 1);
        }
        if (source.startsWith("integration.response.header.")) {
            String name = source.substring("integration.response.header.".length());
            return backend.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (source.equals("integration.response.body")) {
            return backend.body();
        }
        if (source.startsWith("integration.response.body.")) {
            try {
                JsonNode node = JSON.readTree(backend.body());
                for (String name : source.substring("integration.response.body.".length()).split("\\.")) {
                    node = node.path(name);
                }
                return node.isMissingNode() ? null : node.isValueNode() ? node.asText() : node.toString();
            } catch (java.io.IOException notJson) {
                return null;
            }
        }
        return null;
    }
}
