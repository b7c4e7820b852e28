package dev.simstack.junit.internal.burst;

/**
 * Whether a concrete request ({@code METHOD /path}) fits a declared route key, as API Gateway matches them:
 * {@code ANY} fits every method, {@code {param}} one path segment, {@code {proxy+}} the rest of the path,
 * and {@code $default} everything.
 */
final class RouteKeys {

    private RouteKeys() {
    }

    static boolean matches(String routeKey, String method, String path) {
        if (routeKey.equals("$default")) {
            return true;
        }
        int space = routeKey.indexOf(' ');
        String keyMethod = routeKey.substring(0, space);
        if (!keyMethod.equals("ANY") && !keyMethod.equals(method)) {
            return false;
        }
        String[] declared = segments(routeKey.substring(space + 1));
        String[] actual = segments(path);
        for (int i = 0; i < declared.length; i++) {
            String part = declared[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                return actual.length > i;
            }
            if (i >= actual.length) {
                return false;
            }
            boolean parameter = part.startsWith("{") && part.endsWith("}") && !actual[i].isEmpty();
            if (!parameter && !part.equals(actual[i])) {
                return false;
            }
        }
        return declared.length == actual.length;
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int query = trimmed.indexOf('?');
        trimmed = query >= 0 ? trimmed.substring(0, query) : trimmed;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
