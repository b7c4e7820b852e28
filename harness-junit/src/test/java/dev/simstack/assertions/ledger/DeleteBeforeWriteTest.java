package dev.simstack.assertions.ledger;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.junit.Function;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** noneLost() catches a consumer that deletes a message before its work, then crashes. */
@SimStack(queues = @Queue(name = "orders"),
        functions = @Function(name = "worker", handler = DeleteBeforeWriteWorker.class,
                sqsEvents = @SqsEvent(queue = "orders", batchSize = 1)),
        clock = "manual", seed = 14)
class DeleteBeforeWriteTest {

    @Test
    void a_message_deleted_by_an_invocation_that_then_fails_is_lost(Stack stack, SqsClient sqs,
            @QueueUrl("orders") String orders) {
        String id = sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"o-1\"}")).messageId();
        await().atMost(Duration.ofSeconds(10)).until(() -> !stack.function("worker").invocations().isEmpty());
        LedgerEntry.Invocation crashed = stack.function("worker").invocations().get(0);
        List<LedgerEntry.Message> steps = stack.ledger().entries(LedgerEntry.Message.class);

        assertThatThrownBy(() -> assertThat(stack).delivery("orders").noneLost())
                .hasMessage("\nExpecting every message sent to sqs:us-east-1/orders to be delivered and then deleted"
                        + " or moved to its dead-letter queue, but 1 of 1 message was lost:\n"
                        + "  message " + id + ":\n"
                        + "    #" + steps.get(0).sequence() + " 2026-01-01T00:00:00Z sent\n"
                        + "    #" + steps.get(1).sequence() + " 2026-01-01T00:00:00Z delivered (receive count 1)\n"
                        + "    #" + steps.get(2).sequence() + " 2026-01-01T00:00:00Z deleted\n"
                        + "    deleted during invocation " + crashed.requestId() + " of lambda:us-east-1/worker,"
                        + " which then failed (ERROR) at 2026-01-01T00:00:00Z: the delete came before the work was"
                        + " done\n"
                        + "Where to look: a consumer that deletes before its work is done (or in an invocation that"
                        + " then fails), crashes before deleting, or never deletes; the ledger's Message entries"
                        + " above, by sequence number.");
    }
}
