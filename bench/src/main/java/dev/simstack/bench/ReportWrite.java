package dev.simstack.bench;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.ApiSpec.Integration;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * {@code Stack.report(Path)} of a ledger of {@code entries} entries made by real traffic: 2,000 POSTs to a
 * throttled API (rate 500, burst 100) that sends to a queue, then SendMessageBatch of 10 into the same queue,
 * drained by an event source mapping (batch 10) into {@link EmptyHandler}, until the ledger holds the
 * entries. The report is then written once as a warm-up and 5 times timed; {@code --keep} keeps the file to look at.
 */
final class ReportWrite {

    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);

    private ReportWrite() {
    }

    static void run(int entries, boolean keep) throws Exception {
        System.out.printf(Locale.ROOT, "== Stack.report(Path) of a ledger of about %,d entries ==%n", entries);
        try (Stack stack = StackConfig.defaults().withSeed(1)
                .withQueue(QueueSpec.named("orders-dlq"))
                .withQueue(QueueSpec.named("orders").withAttribute("VisibilityTimeout", "30")
                        .withDeadLetterQueue("orders-dlq", 3))
                .withFunction(FunctionSpec.named("empty", EmptyHandler.class).withTimeout(Duration.ofSeconds(30))
                        .withSqsEvent("orders", 10))
                .withApi(ApiSpec.rest("ingest").withThrottle(500, 100).withRoute("POST /orders", Integration.sqs("orders")))
                .start();
                SqsClient sqs = Clients.sqs(stack.endpoint(), 8)) {
            post(URI.create(stack.api("ingest").url() + "/orders"), 2_000);
            String url = sqs.getQueueUrl(b -> b.queueName("orders")).queueUrl();
            long filling = System.nanoTime();
            while (stack.ledger().size() < entries) {
                // about 3.2 entries per message: sent, delivered, deleted, and a tenth of a request and invocation
                send(sqs, url, Math.max(10, (int) ((entries - stack.ledger().size()) / 3.2 / 2)));
                drain(stack);
            }
            System.out.printf(Locale.ROOT, "  ledger: %,d entries, made in %.1f s%n", stack.ledger().size(),
                    (System.nanoTime() - filling) / 1e9);
            Path file = Files.createTempFile("stack-report-bench", ".html");
            stack.report(file);
            long[] millis = new long[5];
            for (int i = 0; i < millis.length; i++) {
                long started = System.nanoTime();
                stack.report(file);
                millis[i] = (System.nanoTime() - started) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "  write: min %d ms, median %d ms, max %d ms (5 runs after 1 warm-up);"
                    + " file %,d bytes%n", millis[0], millis[2], millis[4], Files.size(file));
            if (keep) {
                System.out.println("  kept: " + file);
            } else {
                Files.delete(file);
            }
        }
    }

    private static void post(URI uri, int requests) {
        HttpClient http = HttpClient.newHttpClient();
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            inFlight.acquireUninterruptibly();
            answers.add(http.sendAsync(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"order\":" + i + "}")).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((answer, error) -> inFlight.release()));
        }
        answers.forEach(CompletableFuture::join);
    }

    private static void send(SqsClient sqs, String url, int messages) {
        for (int from = 0; from < messages; from += 10) {
            int first = from;
            List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
            for (int i = 0; i < Math.min(10, messages - from); i++) {
                batch.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody("{\"order\":" + (first + i)
                        + "}").build());
            }
            sqs.sendMessageBatch(b -> b.queueUrl(url).entries(batch));
        }
    }

    private static void drain(Stack stack) throws InterruptedException {
        long limit = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (stack.queue("orders").depth().total() > 0 && System.nanoTime() < limit) {
            Thread.sleep(5);
        }
    }
}
