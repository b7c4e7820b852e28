package dev.simstack.core.internal.services.apigateway.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONPath forms mapping templates use, read by navigating a Jackson tree: {@code $}, {@code $.a.b},
 * {@code $.a[0]}, {@code $['a b']} and {@code $.a[-1]} (from the end). Not supported, and refused with an
 * {@link IllegalArgumentException} naming the path: wildcards ({@code *}), deep scan ({@code ..}), filters
 * ({@code [?(...)]}), slices ({@code [1:3]}) and unions ({@code [0,1]}).
 */
final class JsonPaths {

    private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\[(-?\\d+)]|\\['([^']*)']|\\[\"([^\"]*)\"]");

    private JsonPaths() {
    }

    /** The node at {@code path} in {@code root}; a missing node when a step leads nowhere. */
    static JsonNode read(JsonNode root, String path) {
        String trimmed = path.trim();
        if (!trimmed.startsWith("$")) {
            throw unsupported(path);
        }
        Matcher step = STEP.matcher(trimmed);
        int at = 1;
        JsonNode node = root;
        while (at < trimmed.length()) {
            if (!step.find(at) || step.start() != at || trimmed.startsWith("..", at) || "*".equals(step.group(1))) {
                throw unsupported(path);
            }
            node = next(node, step);
            at = step.end();
        }
        return node;
    }

    private static JsonNode next(JsonNode node, Matcher step) {
        if (step.group(2) != null) {
            int index = Integer.parseInt(step.group(2));
            if (!node.isArray()) {
                return MissingNode.getInstance();
            }
            return node.path(index < 0 ? node.size() + index : index);
        }
        String name = step.group(1) != null ? step.group(1) : step.group(3) != null ? step.group(3) : step.group(4);
        return node.path(name);
    }

    private static IllegalArgumentException unsupported(String path) {
        return new IllegalArgumentException("SimStack's mapping templates read JSONPath $, $.a.b, $.a[0] and $['a'] "
                + "only; got " + path);
    }
}
