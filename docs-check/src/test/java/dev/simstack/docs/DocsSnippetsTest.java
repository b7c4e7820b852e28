package dev.simstack.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The docs show their compiled sources as they are: every {@code <!-- snippet: PATH#REGION -->} block of
 * {@code docs/} and the README equals its source's region. With {@code -Ddocs.snippets.update=true} it rewrites
 * the blocks from the sources instead (and passes unless a block names what does not exist).
 */
class DocsSnippetsTest {

    @Test
    void every_snippet_block_of_the_docs_shows_its_source_as_it_is() {
        boolean update = Boolean.getBoolean("docs.snippets.update");

        SnippetCheck.Result result = new SnippetCheck(repositoryRoot()).run(update);

        result.rewritten().forEach(block -> System.out.println("rewrote " + block));
        assertThat(result.blocks()).as("snippet blocks in the docs").isPositive();
        assertThat(result.problems())
                .as("snippet blocks that do not show their source (%d blocks checked)", result.blocks())
                .isEmpty();
    }

    /** The directory above the module that holds {@code docs/} and the Maven wrapper. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a directory with docs/ and mvnw) above "
                + Path.of("").toAbsolutePath());
    }
}
