package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * API Gateway's Update* patch operations ({@code op}, {@code path}, {@code value}) applied to a resource's
 * JSON shape: {@code replace} and {@code add} set a member (creating the maps on the way, so
 * {@code /requestTemplates/application~1json} adds a template), {@code remove} deletes it. The resource is
 * then read back from the patched document, so one reader serves Put and Update. {@code copy} and
 * {@code move} (used by AWS for canary settings only) are refused.
 */
final class PatchOperations {

    private PatchOperations() {
    }

    /**
     * Applies {@code operations} to a copy of {@code document}.
     *
     * @param patchable the top-level members a path may start with
     */
    static ObjectNode apply(ObjectNode document, JsonNode operations, Set<String> patchable) {
        ObjectNode patched = document.deepCopy();
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            String path = operation.path("path").asText();
            List<String> segments = segments(path);
            if (segments.isEmpty() || !patchable.contains(segments.get(0))) {
                throw ControlPlane.badRequest("Invalid patch path '" + path + "' specified for op '" + op
                        + "'. Must be one of: " + new TreeSet<>(patchable));
            }
            ObjectNode parent = parent(patched, segments);
            String last = segments.get(segments.size() - 1);
            switch (op) {
                case "replace", "add" -> {
                    JsonNode value = operation.path("value");
                    if (value.isMissingNode() || value.isNull()) {
                        parent.putNull(last);
                    } else {
                        parent.put(last, value.asText());
                    }
                }
                case "remove" -> parent.remove(last);
                default -> throw ControlPlane.badRequest("Invalid patch operation specified. Must be 'add'|'remove'|"
                        + "'replace' for this resource; got '" + op + "'");
            }
        }
        return patched;
    }

    /** The object holding the path's last segment, created along the way where missing. */
    private static ObjectNode parent(ObjectNode document, List<String> segments) {
        ObjectNode node = document;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            JsonNode child = node.path(segment);
            node = child.isObject() ? (ObjectNode) child : node.putObject(segment);
        }
        return node;
    }

    /** JSON Pointer segments: {@code ~1} is {@code /} and {@code ~0} is {@code ~}. */
    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        if (!path.startsWith("/")) {
            return segments;
        }
        for (String raw : path.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }
}
