package dev.simstack.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippet check on small repositories of its own: what passes, what fails and with which message. */
class SnippetCheckTest {

    private static final String SOURCE = """
            package x;

            class FirstTest {
                void sends() {
                    // docs:send-start
                    sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
                    assertThat(received).isEqualTo("hello");
                    // docs:send-end
                }
            }
            """;

    private static final String INTACT = """
            # Start

            <!-- snippet: app/src/test/java/x/FirstTest.java#send -->
            ```java
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
            assertThat(received).isEqualTo("hello");
            ```

            After.
            """;

    @TempDir
    Path root;

    @Test
    void a_block_that_shows_its_region_as_it_is_passes() throws IOException {
        write("app/src/test/java/x/FirstTest.java", SOURCE);
        write("docs/start.md", INTACT);

        SnippetCheck.Result result = new SnippetCheck(root).run(false);

        assertThat(result.problems()).isEmpty();
        assertThat(result.blocks()).isEqualTo(1);
    }

    @Test
    void a_drifted_block_fails_naming_the_page_its_line_the_source_and_the_command_that_fixes_it() throws IOException {
        write("app/src/test/java/x/FirstTest.java", SOURCE.replace("\"hello\"));", "\"hi\"));"));
        write("docs/start.md", INTACT);

        SnippetCheck.Result result = new SnippetCheck(root).run(false);

        assertThat(result.problems()).containsExactly("docs/start.md:5: the block differs from its source"
                + " app/src/test/java/x/FirstTest.java#send (docs: `sqs.sendMessage(b -> b.queueUrl(url)"
                + ".messageBody(\"hello\"));`, source: `sqs.sendMessage(b -> b.queueUrl(url).messageBody(\"hi\"));`)."
                + " The source is the truth: rewrite the docs' blocks from their sources with"
                + " ./mvnw -B -q verify -pl docs-check -Ddocs.snippets.update=true");
    }

    @Test
    void a_block_shorter_than_its_region_says_where_it_ends() throws IOException {
        write("app/src/test/java/x/FirstTest.java", SOURCE);
        write("docs/start.md", INTACT.replace("assertThat(received).isEqualTo(\"hello\");\n", ""));

        assertThat(new SnippetCheck(root).run(false).problems()).singleElement().asString()
                .startsWith("docs/start.md:6: the block differs from its source app/src/test/java/x/FirstTest.java#send"
                        + " (docs: (the block ends), source: `assertThat(received).isEqualTo(\"hello\");`).");
    }

    @Test
    void an_unknown_region_is_named_with_the_regions_the_source_has() throws IOException {
        write("app/src/test/java/x/FirstTest.java", SOURCE);
        write("docs/start.md", INTACT.replace("#send", "#receive"));

        assertThat(new SnippetCheck(root).run(false).problems()).containsExactly("docs/start.md:3:"
                + " app/src/test/java/x/FirstTest.java has no region 'receive' (its regions: send);"
                + " mark it with // docs:receive-start and // docs:receive-end");
    }

    @Test
    void an_unknown_source_file_is_named() throws IOException {
        write("docs/start.md", INTACT);

        assertThat(new SnippetCheck(root).run(false).problems()).containsExactly("docs/start.md:3: no source file"
                + " app/src/test/java/x/FirstTest.java (a snippet's path is from the repository's root)");
    }

    @Test
    void a_region_that_never_ends_is_named_with_its_line() throws IOException {
        write("app/src/test/java/x/FirstTest.java", SOURCE.replace("// docs:send-end", "// the end"));
        write("docs/start.md", INTACT);

        assertThat(new SnippetCheck(root).run(false).problems()).containsExactly("docs/start.md:3:"
                + " app/src/test/java/x/FirstTest.java:5: docs:send-start has no docs:send-end after it");
    }

    @Test
    void a_marker_without_a_fenced_block_after_it_fails() throws IOException {
        write("app/src/test/java/x/FirstTest.java", SOURCE);
        write("docs/start.md", INTACT.replace("```java\n", "Some prose.\n```java\n"));

        assertThat(new SnippetCheck(root).run(false).problems()).containsExactly("docs/start.md:3: the snippet"
                + " marker <!-- snippet: app/src/test/java/x/FirstTest.java#send --> must be followed directly by a"
                + " fenced code block (``` ... ```)");
    }

    @Test
    void update_rewrites_drifted_blocks_from_their_sources_and_leaves_the_rest_of_the_page() throws IOException {
        write("app/src/test/java/x/FirstTest.java", SOURCE.replace("\"hello\"));", "\"hi\"));"));
        write("ci/build.yml", "steps:\n  - run: ./mvnw -B verify\n");
        write("docs/start.md", INTACT + "\n<!-- snippet: ci/build.yml -->\n```yaml\nold\nlines\n```\nEnd.\n");

        SnippetCheck.Result result = new SnippetCheck(root).run(true);

        assertThat(result.problems()).isEmpty();
        assertThat(result.rewritten()).containsExactlyInAnyOrder(
                "docs/start.md:3 from app/src/test/java/x/FirstTest.java#send", "docs/start.md:11 from ci/build.yml");
        assertThat(Files.readString(root.resolve("docs/start.md"))).isEqualTo(INTACT.replace("\"hello\"));", "\"hi\"));")
                + "\n<!-- snippet: ci/build.yml -->\n```yaml\nsteps:\n  - run: ./mvnw -B verify\n```\nEnd.\n");
        assertThat(new SnippetCheck(root).run(false).problems()).isEmpty();
    }

    @Test
    void a_whole_file_and_nested_regions_show_without_markers() throws IOException {
        write("app/Nested.java", "// docs:outer-start\n  a();\n  // docs:inner-start\n  b();\n  // docs:inner-end\n"
                + "// docs:outer-end\n");
        write("docs/start.md", "<!-- snippet: app/Nested.java#outer -->\n```java\na();\nb();\n```\n"
                + "<!-- snippet: app/Nested.java#inner -->\n```java\nb();\n```\n");

        assertThat(new SnippetCheck(root).run(false).problems()).isEmpty();
    }

    @Test
    void a_marker_inside_a_pages_own_fenced_example_is_not_a_snippet() throws IOException {
        write("docs/start.md", "````markdown\n<!-- snippet: nowhere/X.java#x -->\n```java\nanything\n```\n````\n");

        SnippetCheck.Result result = new SnippetCheck(root).run(false);

        assertThat(result.problems()).isEmpty();
        assertThat(result.blocks()).isZero();
    }

    @Test
    void xml_regions_are_marked_with_comments() throws IOException {
        write("example/pom.xml", "<project>\n  <!-- docs:deps-start -->\n  <dependencies/>\n  <!-- docs:deps-end -->\n"
                + "</project>\n");
        write("docs/start.md", "<!-- snippet: example/pom.xml#deps -->\n```xml\n<dependencies/>\n```\n");

        assertThat(new SnippetCheck(root).run(false).problems()).isEmpty();
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
