package dev.simstack.core.internal.protocol.restjson;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The REST-JSON operations of one service, matched in declaration order (put literal paths first). */
public final class RestJsonRoutes {

    /** An operation and the path parameters it was matched with. */
    public record Match(RestJsonRoute route, Map<String, String> pathParameters) {
    }

    private final List<RestJsonRoute> routes;

    public RestJsonRoutes(List<RestJsonRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The operation for {@code method} and raw {@code path}, or null. */
    public Match match(String method, String path) {
        return match(method, path, Map.of());
    }

    /**
     * The operation for {@code method}, raw {@code path} and {@code query}, or null; a route whose template
     * names a query value must come before the plain route of the same path.
     */
    public Match match(String method, String path, Map<String, java.util.List<String>> query) {
        String[] segments = RestJsonRoute.split(path);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = decode(segments[i]);
        }
        for (RestJsonRoute route : routes) {
            if ((route.method().equals(method) || route.method().equals("*")) && route.acceptsQuery(query)) {
                Map<String, String> params = route.match(segments);
                if (params != null) {
                    return new Match(route, params);
                }
            }
        }
        return null;
    }

    /** The operation named {@code operation}, or null. */
    public RestJsonRoute byOperation(String operation) {
        for (RestJsonRoute route : routes) {
            if (route.operation().equals(operation)) {
                return route;
            }
        }
        return null;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
