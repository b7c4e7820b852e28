package dev.simstack.assertions.ledger;

import dev.simstack.junit.DocSnippets;
import org.junit.jupiter.api.Test;

/** The delivery and idempotency section shows the examples of the tests that run them, as they are there. */
class DeliveryDocsTest {

    /** The page the section is part of. */
    private static final String PAGE = "docs/assertions.md";

    @Test
    void the_section_shows_the_delivery_and_idempotency_examples_as_tested() {
        DocSnippets.assertShows(PAGE, NoneLostTest.class, "none-lost");
        DocSnippets.assertShows(PAGE, DeleteBeforeWriteWorker.class, "delete-first");
        DocSnippets.assertShows(PAGE, DuplicateDeliveriesTest.class, "duplicates");
        DocSnippets.assertShows(PAGE, GroupOrderTest.class, "fifo-order");
        DocSnippets.assertShows(PAGE, LatencyTest.class, "latency");
        DocSnippets.assertShows(PAGE, IdempotencyTest.class, "duplicate-delivery", "naive", "conditional",
                "receipts");
        DocSnippets.assertShows(PAGE, PaymentConsumers.class, "conditional-consumer");
        DocSnippets.assertShows(PAGE, MessageBodyKeyTest.class, "by-message-body");
    }
}
