package dev.simstack.junit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code key=value} strings of annotation arrays (attributes, tags, environment) as a map, in order. */
final class KeyValues {

    private KeyValues() {
    }

    static Map<String, String> parse(String[] pairs, String element) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new Misuse(element + " has \"" + pair + "\", which is not key=value: write it as \"Name=value\"");
            }
            map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
        }
        return map;
    }
}
