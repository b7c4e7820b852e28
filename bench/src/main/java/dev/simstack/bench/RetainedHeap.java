package dev.simstack.bench;

import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Heap a stack keeps after traffic that leaves its queue empty: every message sent, received and
 * deleted. Whatever stays is the ledger's record of it (and any other history), which grows for as long
 * as the stack runs.
 */
final class RetainedHeap {

    private RetainedHeap() {
    }

    static void run(int messages) throws InterruptedException {
        System.out.println("== Heap kept after " + messages + " messages sent, received and deleted ==");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Stack stack = StackConfig.defaults().withQueue(QueueSpec.named("q")).start();
                SqsClient sqs = Clients.sqs(stack.endpoint(), 2)) {
            String url = stack.queue("q").url();
            cycle(sqs, url, 1_000);
            long before = IdleHeap.usedAfterGc(memory);
            int entriesBefore = stack.ledger().size();
            int sent = cycle(sqs, url, messages);
            long after = IdleHeap.usedAfterGc(memory);
            int entries = stack.ledger().size() - entriesBefore;
            System.out.printf(Locale.ROOT, "  heap kept: %.1f MiB for %d messages = %.0f bytes per message%n",
                    (after - before) / 1024.0 / 1024.0, sent, (after - before) / (double) sent);
            System.out.printf(Locale.ROOT, "  ledger entries added: %d (%.1f per message, %.0f bytes each)%n", entries,
                    entries / (double) sent, entries == 0 ? 0.0 : (after - before) / (double) entries);
        }
    }

    /** Sends {@code count} messages in batches of 10, then receives and deletes them all; returns the count. */
    static int cycle(SqsClient sqs, String url, int count) {
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(Payloads.BODY).build());
        }
        for (int sent = 0; sent < count; sent += 10) {
            sqs.sendMessageBatch(b -> b.queueUrl(url).entries(batch));
        }
        int deleted = 0;
        while (deleted < count) {
            List<Message> received = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
            if (received.isEmpty()) {
                throw new IllegalStateException("the queue ran dry after " + deleted + " of " + count);
            }
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < received.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(received.get(i).receiptHandle()).build());
            }
            sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
            deleted += received.size();
        }
        return count;
    }
}
