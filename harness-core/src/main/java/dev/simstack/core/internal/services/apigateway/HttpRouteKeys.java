package dev.simstack.core.internal.services.apigateway;

import java.util.Set;

/**
 * An HTTP API's route keys: {@code $default}, or a method ({@code ANY} for all) and a path of literal
 * segments, {@code {param}} and a last greedy {@code {proxy+}}.
 */
final class HttpRouteKeys {

    private static final Set<String> METHODS = Set.of("ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST",
            "PUT");
    private static final String MALFORMED = "The provided route key is not formatted properly for HTTP protocol. "
            + "Format should be \"<HTTP METHOD> /<RESOURCE PATH>\" or \"$default\"";

    private HttpRouteKeys() {
    }

    /** Refuses a route key that is not {@code $default} or {@code METHOD /path} with AWS's message. */
    static void check(String routeKey) {
        if (routeKey.equals("$default")) {
            return;
        }
        int space = routeKey.indexOf(' ');
        if (space < 0 || !METHODS.contains(routeKey.substring(0, space))) {
            throw ControlPlane.badRequest(MALFORMED);
        }
        String path = routeKey.substring(space + 1);
        if (!path.startsWith("/") || path.contains(" ") || path.contains("//")) {
            throw ControlPlane.badRequest(MALFORMED);
        }
        String[] segments = RouteMatcher.split(path);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean greedy = segment.startsWith("{") && segment.endsWith("+}");
            if (greedy && i < segments.length - 1) {
                throw ControlPlane.badRequest("Invalid route key " + routeKey + ": a greedy path variable "
                        + segment + " must be the last part of the path");
            }
            if (segment.startsWith("{") != segment.endsWith("}") || segment.equals("{}") || segment.equals("{+}")) {
                throw ControlPlane.badRequest("Invalid route key " + routeKey + ": a path variable is written"
                        + " {name} or, last, {name+}");
            }
        }
    }
}
