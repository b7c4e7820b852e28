package dev.simstack.junit.faults;

import dev.simstack.junit.DocSnippets;
import org.junit.jupiter.api.Test;

/** docs/faults.md shows the SQS faults' examples as the compiled tests run them. */
class SqsFaultsDocsTest {

    @Test
    void the_fault_catalogue_shows_the_sqs_examples() {
        DocSnippets.assertShows("docs/faults.md", SqsFaultAnnotationsTest.class, "duplicate-delivery",
                "poison-messages");
        DocSnippets.assertShows("docs/faults.md", PoisonRedriveTest.class, "poison-redrive");
    }
}
