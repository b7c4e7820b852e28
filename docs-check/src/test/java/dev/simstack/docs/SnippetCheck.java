package dev.simstack.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares every snippet block of the docs pages ({@code docs/**}{@code /*.md} and {@code README.md}) with the
 * source region it names, or, when updating, rewrites the blocks from their sources.
 */
final class SnippetCheck {

    /** The command that rewrites the blocks, as the drift messages tell it. */
    static final String UPDATE_COMMAND = "./mvnw -B -q verify -pl docs-check -Ddocs.snippets.update=true";

    /** What a run found: problems left (empty when the docs are in line) and the blocks it rewrote. */
    record Result(List<String> problems, List<String> rewritten, int blocks) {
    }

    private final Path root;

    SnippetCheck(Path root) {
        this.root = root;
    }

    /** Checks the pages; with {@code update}, rewrites drifted blocks from their sources instead of reporting them. */
    Result run(boolean update) {
        List<String> problems = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        int blocks = 0;
        for (Path page : pages()) {
            String name = root.relativize(page).toString().replace('\\', '/');
            List<String> lines = new ArrayList<>(Arrays.asList(read(page).split("\n", -1)));
            List<SnippetBlock> found = SnippetBlock.of(name, lines, problems);
            blocks += found.size();
            List<String> rewrittenHere = new ArrayList<>();
            // From the last block up, so that a rewrite does not move the lines of the blocks still to do.
            List<SnippetBlock> lastFirst = new ArrayList<>(found);
            Collections.reverse(lastFirst);
            for (SnippetBlock block : lastFirst) {
                String expected = expected(name, block, problems);
                if (expected == null || expected.equals(block.text())) {
                    continue;
                }
                if (update) {
                    lines.subList(block.firstLine(), block.endLine()).clear();
                    lines.addAll(block.firstLine(), Arrays.asList(expected.split("\n", -1)));
                    rewrittenHere.add(name + ":" + block.markerLine() + " from " + block.reference());
                } else {
                    problems.add(drift(name, block, expected));
                }
            }
            if (!rewrittenHere.isEmpty()) {
                write(page, String.join("\n", lines));
                Collections.reverse(rewrittenHere);
                rewritten.addAll(rewrittenHere);
            }
        }
        problems.sort(null);
        return new Result(problems, rewritten, blocks);
    }

    private String expected(String page, SnippetBlock block, List<String> problems) {
        Path source = root.resolve(block.source()).normalize();
        String at = page + ":" + block.markerLine() + ": ";
        if (!source.startsWith(root) || !Files.isRegularFile(source)) {
            problems.add(at + "no source file " + block.source() + " (a snippet's path is from the repository's root)");
            return null;
        }
        SourceRegions regions;
        try {
            regions = SourceRegions.of(block.source(), read(source));
        } catch (IllegalArgumentException e) {
            problems.add(at + e.getMessage());
            return null;
        }
        if (block.region() == null) {
            return regions.whole();
        }
        String region = regions.region(block.region());
        if (region == null) {
            problems.add(at + block.source() + " has no region '" + block.region() + "' (its regions: "
                    + (regions.names().isEmpty() ? "none" : String.join(", ", regions.names()))
                    + "); mark it with // docs:" + block.region() + "-start and // docs:" + block.region() + "-end");
        }
        return region;
    }

    private static String drift(String page, SnippetBlock block, String expected) {
        String[] shown = block.text().split("\n", -1);
        String[] source = expected.split("\n", -1);
        int i = 0;
        while (i < shown.length && i < source.length && shown[i].equals(source[i])) {
            i++;
        }
        String docsLine = i < shown.length ? "`" + shown[i] + "`" : "(the block ends)";
        String sourceLine = i < source.length ? "`" + source[i] + "`" : "(the region ends)";
        return page + ":" + (block.firstLine() + 1 + i) + ": the block differs from its source " + block.reference()
                + " (docs: " + docsLine + ", source: " + sourceLine + "). The source is the truth: rewrite the docs'"
                + " blocks from their sources with " + UPDATE_COMMAND;
    }

    private List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        Path readme = root.resolve("README.md");
        if (Files.isRegularFile(readme)) {
            pages.add(readme);
        }
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.walk(docs)) {
                files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pages;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
