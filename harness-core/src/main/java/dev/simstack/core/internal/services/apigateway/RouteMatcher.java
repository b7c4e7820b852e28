package dev.simstack.core.internal.services.apigateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the route for a request as API Gateway does: the most specific path wins (literal segments over
 * {@code {param}} over greedy {@code {proxy+}}), an exact method over {@code ANY}, and an HTTP API's
 * {@code $default} route catches what nothing else does.
 */
final class RouteMatcher {

    /** The route and its path parameters. */
    record Match(ApiRoute route, Map<String, String> pathParameters) {
    }

    private RouteMatcher() {
    }

    static Match match(List<ApiRoute> routes, String method, String path) {
        String[] segments = split(path);
        Match best = null;
        long bestScore = Long.MIN_VALUE;
        ApiRoute fallback = null;
        for (ApiRoute route : routes) {
            if (route.path() == null) {
                fallback = route;
                continue;
            }
            if (!route.method().equals("ANY") && !route.method().equals(method)) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            long score = score(split(route.path()), segments, params);
            if (score == Long.MIN_VALUE) {
                continue;
            }
            score = score * 2 + (route.method().equals("ANY") ? 0 : 1);
            if (score > bestScore) {
                bestScore = score;
                best = new Match(route, params);
            }
        }
        if (best == null && fallback != null) {
            return new Match(fallback, Map.of());
        }
        return best;
    }

    /** How specifically {@code template} matches, or MIN_VALUE; collects the parameters. */
    private static long score(String[] template, String[] segments, Map<String, String> params) {
        long score = 0;
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= segments.length) {
                    return Long.MIN_VALUE;
                }
                params.put(part.substring(1, part.length() - 2),
                        String.join("/", java.util.Arrays.copyOfRange(segments, i, segments.length)));
                return score * 4 + 1;
            }
            if (i >= segments.length) {
                return Long.MIN_VALUE;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                params.put(part.substring(1, part.length() - 1), segments[i]);
                score = score * 4 + 2;
            } else if (part.equals(segments[i])) {
                score = score * 4 + 3;
            } else {
                return Long.MIN_VALUE;
            }
        }
        return template.length == segments.length ? score * 4 + 3 : Long.MIN_VALUE;
    }

    static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
