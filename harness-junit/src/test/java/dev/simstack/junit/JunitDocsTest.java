package dev.simstack.junit;

import org.junit.jupiter.api.Test;

/** docs/junit.md shows the examples of the tests that run them, as they are there. */
class JunitDocsTest {

    @Test
    void the_page_shows_the_shape_the_definition_and_the_template_as_tested() {
        DocSnippets.assertPageShows("docs/junit.md", "dev/simstack/junit/shape/OrdersTest.java", "shape");
        DocSnippets.assertPageShows("README.md", "dev/simstack/junit/shape/OrdersTest.java", "shape");
        DocSnippets.assertPageShows("docs/junit.md", "dev/simstack/junit/shape/ShopStack.java", "definition");
        DocSnippets.assertPageShows("docs/junit.md", "dev/simstack/junit/shape/WithADefinitionTest.java",
                "with-definition");
        DocSnippets.assertPageShows("docs/junit.md", "dev/simstack/junit/shape/FromTheTemplateTest.java", "template");
    }
}
