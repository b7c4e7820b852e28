package dev.simstack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Docs are compiled: a page shows code copied from a test between {@code // docs:NAME-start} and
 * {@code // docs:NAME-end} markers, and a test checks that the page still shows it as it is.
 */
public final class DocSnippets {

    private DocSnippets() {
    }

    /** Asserts that {@code page} (relative to the repository root) shows each named snippet of {@code source}. */
    public static void assertPageShows(String page, String source, String... names) {
        String text = read(Path.of("..").resolve(page));
        String code = read(Path.of("src/test/java").resolve(source));
        for (String name : names) {
            assertThat(text).as("%s shows snippet %s of %s", page, name, source).contains(snippet(code, name));
        }
    }

    /** The lines between the markers, without their common indentation. */
    public static String snippet(String source, String name) {
        Matcher matcher = Pattern.compile("// docs:" + name + "-start\\n(.*?)\\n\\s*// docs:" + name + "-end",
                Pattern.DOTALL).matcher(source);
        assertThat(matcher.find()).as("markers docs:%s-start/end", name).isTrue();
        String[] lines = matcher.group(1).split("\n");
        int indent = Arrays.stream(lines).filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return Arrays.stream(lines).map(line -> line.isBlank() ? "" : line.substring(indent))
                .collect(Collectors.joining("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
