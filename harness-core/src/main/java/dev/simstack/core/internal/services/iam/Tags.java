package dev.simstack.core.internal.services.iam;

import dev.simstack.core.internal.engine.Input;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** IAM's tag rules: keys of 1 to 128 characters, values up to 256, at most 50 tags on an entity. */
final class Tags {

    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    private static final int MAX_TAGS = 50;

    private Tags() {
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

    static void remove(Map<String, String> tags, List<String> keys) {
        keys.forEach(tags::remove);
    }
}
