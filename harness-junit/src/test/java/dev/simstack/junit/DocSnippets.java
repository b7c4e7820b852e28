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
 * The examples docs show, read from the test sources that compile and run them: the lines between
 * {@code // docs:NAME-start} and {@code // docs:NAME-end}, so a test can check that a page still shows them.
 */
public final class DocSnippets {

    private DocSnippets() {
    }

    /** The text of {@code page}, a path under the repository's {@code docs} directory, e.g. {@code junit.md}. */
    public static String page(String page) {
        return read(Path.of("../docs", page));
    }

    /**
     * The snippet {@code name} of the test source {@code testClass}, without its common indentation; fails when
     * the markers are missing.
     */
    public static String snippet(Class<?> testClass, String name) {
        String source = read(Path.of("src/test/java", testClass.getName().replace('.', '/') + ".java"));
        Matcher matcher = Pattern.compile("// docs:" + name + "-start\\n(.*?)\\n\\s*// docs:" + name + "-end",
                Pattern.DOTALL).matcher(source);
        assertThat(matcher.find()).as("markers docs:%s-start/end in %s", name, testClass.getSimpleName()).isTrue();
        String[] lines = matcher.group(1).split("\n");
        int indent = Arrays.stream(lines).filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return Arrays.stream(lines).map(line -> line.isBlank() ? "" : line.substring(indent))
                .collect(Collectors.joining("\n"));
    }

    /**
     * Asserts that {@code file} (a path from the repository's root, e.g. {@code README.md}) shows each named
     * snippet of {@code testClass} as it is there.
     */
    public static void assertShows(String file, Class<?> testClass, String... names) {
        String text = read(Path.of("..", file));
        for (String name : names) {
            assertThat(text).as("%s shows snippet %s of %s", file, name, testClass.getSimpleName())
                    .contains(snippet(testClass, name));
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
