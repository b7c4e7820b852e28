package dev.simstack.junit.shape;

import dev.simstack.junit.DocSnippets;
import org.junit.jupiter.api.Test;

/** docs/junit.md shows the examples of the tests that run them, as they are there. */
class JunitDocsTest {

    @Test
    void the_page_shows_the_shape_the_definition_and_the_template_as_tested() {
        DocSnippets.assertShows("docs/junit.md", OrdersTest.class, "shape");
        DocSnippets.assertShows("README.md", OrdersTest.class, "shape");
        DocSnippets.assertShows("docs/junit.md", ShopStack.class, "definition");
        DocSnippets.assertShows("docs/junit.md", WithADefinitionTest.class, "with-definition");
        DocSnippets.assertShows("docs/junit.md", FromTheTemplateTest.class, "template");
    }
}
