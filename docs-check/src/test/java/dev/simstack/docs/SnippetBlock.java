package dev.simstack.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code block of a docs page that shows a source: a line {@code <!-- snippet: PATH#REGION -->} (or
 * {@code <!-- snippet: PATH -->} for a whole file; PATH from the repository's root) directly followed by a fenced
 * block. {@code markerLine} is 1-based; {@code firstLine} and {@code endLine} are the 0-based indexes of the
 * block's first content line and of its closing fence.
 */
record SnippetBlock(int markerLine, String source, String region, int firstLine, int endLine, String text) {

    private static final Pattern MARKER = Pattern.compile("^<!-- snippet: ([^#\\s]+)(?:#([\\w.-]+))? -->\\s*$");

    /** {@code PATH#REGION}, or PATH for a whole file. */
    String reference() {
        return region == null ? source : source + "#" + region;
    }

    /**
     * The snippet blocks of a page's lines; a marker that no fenced block follows is reported in
     * {@code problems} as {@code page:line: ...}.
     */
    static List<SnippetBlock> of(String page, List<String> lines, List<String> problems) {
        List<SnippetBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                // A fenced block of the page's own (an example of the syntax, say) is skipped whole.
                String fence = fenceOf(lines.get(i));
                int end = fence == null ? -1 : closing(lines, i + 1, fence);
                i = end < 0 ? i : end;
                continue;
            }
            String fence = i + 1 < lines.size() ? fenceOf(lines.get(i + 1)) : null;
            int end = fence == null ? -1 : closing(lines, i + 2, fence);
            if (end < 0) {
                problems.add(page + ":" + (i + 1) + ": the snippet marker " + lines.get(i).strip()
                        + " must be followed directly by a fenced code block (``` ... ```)");
                continue;
            }
            blocks.add(new SnippetBlock(i + 1, marker.group(1), marker.group(2), i + 2, end,
                    String.join("\n", lines.subList(i + 2, end))));
            i = end;
        }
        return blocks;
    }

    private static String fenceOf(String line) {
        Matcher fence = Pattern.compile("^(`{3,})[\\w.+-]*\\s*$").matcher(line);
        return fence.matches() ? fence.group(1) : null;
    }

    private static int closing(List<String> lines, int from, String fence) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(fence)) {
                return i;
            }
        }
        return -1;
    }
}
