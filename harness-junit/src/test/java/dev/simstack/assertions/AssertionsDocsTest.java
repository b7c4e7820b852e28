package dev.simstack.assertions;

import dev.simstack.junit.DocSnippets;
import org.junit.jupiter.api.Test;

/** docs/assertions.md shows the examples of AssertionsExampleTest as they are, so they cannot rot. */
class AssertionsDocsTest {

    @Test
    void the_assertions_page_shows_the_examples_as_they_run() {
        DocSnippets.assertShows("docs/assertions.md", AssertionsExampleTest.class, "stack", "poison", "worker", "burst",
                "soft");
    }
}
