package dev.simstack.core.internal.services.apigateway;

import dev.simstack.core.internal.services.apigateway.mapping.MappingRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The integration request of a non-proxy integration: the request template chosen by the request's
 * {@code Content-Type} (application/json when it has none) under the integration's passthrough behaviour,
 * and the integration request headers its {@code requestParameters} map.
 */
final class RequestMapping {

    private RequestMapping() {
    }

    /**
     * The template for the request, "" for passthrough, or null when the passthrough behaviour refuses the
     * content type (WHEN_NO_TEMPLATES with templates but none for it, NEVER without one for it).
     */
    static String template(Integration integration, ApiRequest request) {
        String contentType = mediaType(request.header("Content-Type"));
        Map<String, String> templates = integration.requestTemplates();
        for (Map.Entry<String, String> entry : templates.entrySet()) {
            if (mediaType(entry.getKey()).equals(contentType)) {
                return entry.getValue() == null ? "" : entry.getValue();
            }
        }
        return switch (integration.passthroughBehavior()) {
            case "NEVER" -> null;
            case "WHEN_NO_TEMPLATES" -> templates.isEmpty() ? "" : null;
            default -> "";
        };
    }

    /** The media type without parameters, lower case; application/json when absent (AWS's default). */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/json";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
    }

    /** The integration request's headers: {@code integration.request.header.NAME} mappings. */
    static Map<String, String> headers(Integration integration, ApiRequest request, Map<String, String> pathParameters) {
        Map<String, String> headers = new LinkedHashMap<>();
        integration.requestParameters().forEach((target, source) -> {
            if (target.startsWith("integration.request.header.")) {
                String value = source(source, request, pathParameters);
                if (value != null) {
                    headers.put(target.substring("integration.request.header.".length()), value);
                }
            }
        });
        return headers;
    }

    /** A mapping's source: {@code 'literal'} or {@code method.request.header|querystring|path.NAME}. */
    private static String source(String source, ApiRequest request, Map<String, String> pathParameters) {
        if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
            return source.substring(1, source.length() - 1);
        }
        if (source.startsWith("method.request.header.")) {
            return request.header(source.substring("method.request.header.".length()));
        }
        if (source.startsWith("method.request.querystring.")) {
            return first(request.query().get(source.substring("method.request.querystring.".length())));
        }
        if (source.startsWith("method.request.path.")) {
            return pathParameters.get(source.substring("method.request.path.".length()));
        }
        return null;
    }

    /**
     * What the templates see of the request: its parameters' first values, $context (with
     * {@code $context.authorizer} when a Lambda authorizer let it through), $stageVariables.
     */
    static MappingRequest scope(ApiRequest request, ApiRoute route, Map<String, String> pathParameters,
            RestApi.Stage stage, String accountId, String resourceId, Map<String, Object> authorizer) {
        Map<String, String> query = new LinkedHashMap<>();
        request.query().forEach((name, values) -> query.put(name, first(values)));
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.put(name, first(values)));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("requestId", request.requestId());
        context.put("extendedRequestId", request.requestId());
        context.put("accountId", accountId);
        context.put("apiId", request.apiId());
        context.put("stage", request.stage());
        context.put("httpMethod", request.method());
        context.put("resourcePath", route.path());
        context.put("resourceId", resourceId);
        context.put("path", "/" + request.stage() + request.rawPath());
        context.put("protocol", "HTTP/1.1");
        context.put("requestTimeEpoch", request.arrival().toEpochMilli());
        context.put("requestTime", ProxyEvents.requestTime(request.arrival()));
        context.put("identity", Map.of("sourceIp", "127.0.0.1", "userAgent",
                headers.getOrDefault("User-Agent", "")));
        if (authorizer != null) {
            context.put("authorizer", authorizer);
        }
        return new MappingRequest(Map.copyOf(pathParameters), query, headers, context, stage.variables());
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
