package dev.simstack.core.internal.services.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** IAM's tag rules: keys of 1 to 128 characters, values up to 256, at most 50 tags on an entity. */
final class Tags {

    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    private static final int MAX_TAGS = 50;

    private Tags() {
    }

    /**
     * Registers {@code Tag<entity>}, {@code Untag<entity>} and {@code List<entity>Tags}, e.g. TagRole, over the
     * tags of the entity an input names.
     */
    static void register(OperationTable<IamOperation> operations, String entity,
            Function<Input, Map<String, String>> tagsOf) {
        operations.put("Tag" + entity, (call, input) -> {
            Map<String, String> tags = tagsOf.apply(input);
            Map<String, String> added = read(input);
            new Violations().required("Tags", added.isEmpty() && !input.has("Tags") ? null : added).check();
            merge(tags, added, entity);
            return IamJson.NODES.objectNode();
        });
        operations.put("Untag" + entity, (call, input) -> {
            Map<String, String> tags = tagsOf.apply(input);
            new Violations().required("TagKeys", input.has("TagKeys") ? "" : null).check();
            input.stringList("TagKeys").forEach(tags::remove);
            return IamJson.NODES.objectNode();
        });
        operations.put("List" + entity + "Tags", (call, input) -> {
            Map<String, String> tags = tagsOf.apply(input);
            ObjectNode output = IamJson.NODES.objectNode();
            output.putArray("Tags");
            IamJson.tags(output, tags);
            output.put("IsTruncated", false);
            return output;
        });
    }

    /** The {@code Tags} of {@code input}, checked. */
    static Map<String, String> read(Input input) {
        Map<String, String> tags = new LinkedHashMap<>();
        Violations violations = new Violations();
        for (Input tag : input.objectList("Tags")) {
            String key = tag.string("Key");
            String value = tag.string("Value");
            violations.required("Tags.member.key", key).length("Tags.member.key", key, 1, 128)
                    .pattern("Tags.member.key", key, KEY).required("Tags.member.value", value)
                    .length("Tags.member.value", value, 0, 256);
            if (key != null && value != null) {
                tags.put(key, value);
            }
        }
        violations.check();
        return tags;
    }

    /** Adds {@code added} to {@code tags}, replacing values of the same keys, within the quota. */
    static void merge(Map<String, String> tags, Map<String, String> added, String entity) {
        Map<String, String> merged = new LinkedHashMap<>(tags);
        merged.putAll(added);
        if (merged.size() > MAX_TAGS) {
            throw IamErrors.limitExceeded("Cannot exceed quota for TagsPer" + entity + ": " + MAX_TAGS);
        }
        tags.putAll(added);
    }
}
