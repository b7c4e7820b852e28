package dev.simstack.bench;

import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * What a throughput benchmark talks to: a SimStack engine with one queue, reached over its port or through the
 * in-process transport, or the floor server.
 */
final class SqsTarget implements AutoCloseable {

    /** The engine serves with min(2, cores) event loop threads; the floor gets the same. */
    static final int EVENT_LOOP_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());
    /** Larger than the most client threads any benchmark runs, so no thread waits for a connection. */
    static final int MAX_CONNECTIONS = 16;
    static final String QUEUE = "bench";

    private final AutoCloseable server;
    private final SqsClient sqs;
    private final String queueUrl;
    private final boolean engine;

    private SqsTarget(AutoCloseable server, Transport transport, String queueUrl, boolean engine) {
        this.server = server;
        this.sqs = Clients.sqs(transport);
        this.queueUrl = queueUrl;
        this.engine = engine;
    }

    /** {@code backend} is {@code engine} (over the socket), {@code sdk-in-process} or {@code floor}. */
    static SqsTarget open(String backend) {
        switch (backend) {
            case "engine", Transport.IN_PROCESS:
                Stack stack = StackConfig.defaults().withQueue(QueueSpec.named(QUEUE)).start();
                return new SqsTarget(stack, Transport.to(stack, backend), stack.queue(QUEUE).url(), true);
            case "floor":
                FloorServer floor = FloorServer.start(EVENT_LOOP_THREADS);
                URI endpoint = floor.endpoint();
                return new SqsTarget(floor, Transport.socket(endpoint, MAX_CONNECTIONS),
                        endpoint + "/000000000000/" + QUEUE, false);
            default:
                throw new IllegalArgumentException("backend is engine, " + Transport.IN_PROCESS + " or floor, got "
                        + backend);
        }
    }

    SqsClient sqs() {
        return sqs;
    }

    String queueUrl() {
        return queueUrl;
    }

    /** True for the engine, whose queue empties as it is consumed; the floor answers 10 messages forever. */
    boolean drains() {
        return engine;
    }

    /**
     * Sends {@code count} (rounded up to tens) messages with SendMessageBatch from a few threads. The
     * floor answers them too and keeps nothing, so both backends' clients get the same extra warm-up.
     */
    void fill(long count, int threads) {
        long batches = (count + 9) / 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long share = batches / threads + (t < batches % threads ? 1 : 0);
                parts.add(pool.submit(() -> sendBatches(share)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("filling the queue failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void sendBatches(long batches) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(Payloads.BODY)
                    .build());
        }
        for (long b = 0; b < batches; b++) {
            SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("SendMessageBatch failed: " + response.failed());
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            sqs.close();
        } finally {
            server.close();
        }
    }
}
