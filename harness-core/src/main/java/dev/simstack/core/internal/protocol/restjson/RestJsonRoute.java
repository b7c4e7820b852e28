package dev.simstack.core.internal.protocol.restjson;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One REST-JSON operation: its HTTP method and URI template as the service model writes them
 * ({@code /2015-03-31/functions/{FunctionName}/invocations}; {@code {name+}} is greedy), and the status
 * the model answers on success. A template may end in {@code ?name=value} (API Gateway's
 * {@code /restapis?mode=import}): the route then answers only requests whose query carries that value.
 *
 * @param method the HTTP method
 * @param template the request URI template
 * @param operation the operation name
 * @param successStatus the HTTP status of a successful answer (200, 201, 202 or 204)
 * @param rawBody true if the body is a payload (Invoke's event, an API request) rather than the input
 */
public record RestJsonRoute(String method, String template, String operation, int successStatus,
        boolean rawBody) {

    /** An operation whose JSON body holds its input members. */
    public static RestJsonRoute of(String method, String template, String operation, int successStatus) {
        return new RestJsonRoute(method, template, operation, successStatus, false);
    }

    /** True unless the template names a query parameter value that {@code query} lacks. */
    boolean acceptsQuery(Map<String, java.util.List<String>> query) {
        int mark = template.indexOf('?');
        if (mark < 0) {
            return true;
        }
        String[] condition = template.substring(mark + 1).split("=", 2);
        return query.getOrDefault(condition[0], java.util.List.of()).contains(condition.length > 1 ? condition[1] : "");
    }

    /** The path parameters if {@code path} (already split into decoded segments) fits, else null. */
    Map<String, String> match(String[] segments) {
        int mark = template.indexOf('?');
        String[] parts = split(mark < 0 ? template : template.substring(0, mark));
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                params.put(part.substring(1, part.length() - 2), String.join("/",
                        java.util.Arrays.copyOfRange(segments, Math.min(i, segments.length), segments.length)));
                return params;
            }
            if (i >= segments.length) {
                return null;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 1), segments[i]);
            } else if (!part.equals(segments[i])) {
                return null;
            }
        }
        return parts.length == segments.length ? params : null;
    }

    /** A path's segments without the leading slash; a trailing slash is dropped (SDKs differ on it). */
    static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
