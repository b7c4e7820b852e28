package dev.simstack.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The regions of one source file that docs may show: the lines between {@code // docs:NAME-start} and
 * {@code // docs:NAME-end} ({@code # docs:...} in YAML or shell, {@code <!-- docs:... -->} in XML), without their common indentation and without
 * the markers of regions nested in them; or the whole file.
 */
final class SourceRegions {

    private static final Pattern MARKER =
            Pattern.compile("^\\s*(?://|#|<!--)\\s*docs:([\\w.-]+)-(start|end)\\s*(?:-->)?\\s*$");

    private final String text;
    private final Map<String, String> regions;

    private SourceRegions(String text, Map<String, String> regions) {
        this.text = text;
        this.regions = regions;
    }

    /**
     * Reads the regions of {@code text}; fails with {@link IllegalArgumentException} naming {@code source} when
     * a region starts and does not end, or ends without a start.
     */
    static SourceRegions of(String source, String text) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        Map<String, Integer> open = new LinkedHashMap<>();
        Map<String, String> regions = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                continue;
            }
            String name = marker.group(1);
            if (marker.group(2).equals("start")) {
                open.put(name, i);
            } else if (open.containsKey(name)) {
                regions.put(name, dedent(lines.subList(open.remove(name) + 1, i)));
            } else {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": docs:" + name
                        + "-end has no docs:" + name + "-start before it");
            }
        }
        if (!open.isEmpty()) {
            String name = open.keySet().iterator().next();
            throw new IllegalArgumentException(source + ":" + (open.get(name) + 1) + ": docs:" + name
                    + "-start has no docs:" + name + "-end after it");
        }
        return new SourceRegions(text, regions);
    }

    /** The whole file, without its final line break. */
    String whole() {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** The region's text, or null when the file has no region of that name. */
    String region(String name) {
        return regions.get(name);
    }

    /** The names of the file's regions, in the order they end. */
    List<String> names() {
        return new ArrayList<>(regions.keySet());
    }

    private static String dedent(List<String> region) {
        List<String> lines = region.stream().filter(line -> !MARKER.matcher(line).matches()).toList();
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent))
                .collect(Collectors.joining("\n"));
    }
}
