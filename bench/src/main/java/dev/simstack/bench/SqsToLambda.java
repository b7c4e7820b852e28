package dev.simstack.bench;

import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS → Lambda hand-off alone, all in the engine: a queue filled with {@code messages} small messages
 * (before the timing, through the SDK) is drained by an event source mapping (batch 10, maximum
 * concurrency as given) into {@link EmptyHandler}. Timed from the mapping's creation until the ledger has
 * seen every message deleted: the pollers' receives, the SQS event written from the batch, the invocation
 * and the batch's delete, without HTTP or an SDK. A first round of half the messages, on its own stack,
 * warms up the JIT and is not reported.
 */
final class SqsToLambda {

    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);

    private SqsToLambda() {
    }

    static void run(int messages, int maximumConcurrency) throws Exception {
        System.out.printf(Locale.ROOT, "== SQS -> Lambda hand-off: %d messages, batch 10, maximum concurrency %d,"
                + " empty handler ==%n", messages, maximumConcurrency);
        round(Math.max(10, messages / 2), maximumConcurrency, false);
        round(messages, maximumConcurrency, true);
    }

    private static void round(int messages, int maximumConcurrency, boolean report) throws Exception {
        try (Stack stack = StackConfig.defaults()
                .withQueue(QueueSpec.named("drain").withAttribute("VisibilityTimeout", "60"))
                .withFunction(FunctionSpec.named("empty", EmptyHandler.class).withTimeout(Duration.ofSeconds(30)))
                .withLedgerLimit(1)
                .start();
                SqsClient sqs = Clients.sqs(stack.endpoint(), 8);
                LambdaClient lambda = Clients.lambda(stack.endpoint(), 2)) {
            String url = sqs.getQueueUrl(b -> b.queueName("drain")).queueUrl();
            fill(sqs, url, messages);
            LongAdder deleted = new LongAdder();
            LongAdder invocations = new LongAdder();
            try (AutoCloseable subscription = stack.ledger().subscribe(entry -> {
                if (entry instanceof LedgerEntry.Message message && message.kind() == LedgerEntry.MessageEvent.DELETED) {
                    deleted.increment();
                } else if (entry instanceof LedgerEntry.Invocation) {
                    invocations.increment();
                }
            })) {
                long started = System.nanoTime();
                lambda.createEventSourceMapping(b -> b.functionName("empty").eventSourceArn(queueArn(sqs, url))
                        .batchSize(10).scalingConfig(s -> s.maximumConcurrency(maximumConcurrency)));
                long limit = started + DRAIN_LIMIT.toNanos();
                while (deleted.sum() < messages && System.nanoTime() < limit) {
                    Thread.sleep(2);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                if (report) {
                    System.out.printf(Locale.ROOT, "  deleted: %d of %d in %.2f s = %.0f messages/s; invocations: %d"
                            + " (%.1f messages each) = %.0f invocations/s%n", deleted.sum(), messages, seconds,
                            deleted.sum() / seconds, invocations.sum(), (double) deleted.sum() / invocations.sum(),
                            invocations.sum() / seconds);
                }
            }
        }
    }

    private static String queueArn(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("QueueArn")).attributesAsStrings()
                .get("QueueArn");
    }

    /** SendMessageBatch of 10 from 4 threads, outside the timing. */
    private static void fill(SqsClient sqs, String url, int messages) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int from = 0; from < messages; from += 10) {
                int first = from;
                int count = Math.min(10, messages - from);
                sent.add(senders.submit(() -> {
                    List<SendMessageBatchRequestEntry> entries = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        entries.add(SendMessageBatchRequestEntry.builder().id("m" + i)
                                .messageBody("{\"order\":" + (first + i) + "}").build());
                    }
                    sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            senders.shutdown();
        }
    }
}
