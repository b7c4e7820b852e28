package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.LambdaHook;
import dev.simstack.core.LedgerEntry.InvocationOutcome;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.sqs.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pollers of one SQS event source mapping, as "Using Lambda with Amazon SQS" describes them: each
 * long-polls the queue (so a send wakes it, nothing spins), gathers a batch (up to BatchSize, within the
 * batching window) and invokes the function with it, one batch at a time. Pollers are added while they
 * find full batches, up to the mapping's MaximumConcurrency, and retire when the queue is empty. On
 * success the batch is deleted; with ReportBatchItemFailures only the records not listed in
 * {@code batchItemFailures}; on an error, a timeout or a throttle nothing is deleted, so the records
 * come back after the queue's visibility timeout and the redrive policy counts the receive.
 */
final class SqsPoller implements MappingPoller {

    private static final int LONG_POLL_SECONDS = 20;
    private static final Duration BACKOFF = Duration.ofSeconds(1);
    /** AWS starts five pollers for a new SQS mapping. */
    private static final int INITIAL_POLLERS = 5;

    private final StackContext context;
    private final InProcessSqs sqs;
    private final LambdaPort lambda;
    private final LambdaRegions regions;
    /** The queue polled and the invocations' trigger naming it: a mapping's queue never changes. */
    private final ResourceRef queue;
    private final String trigger;
    private volatile EventSourceMapping mapping;
    /** The mapping's queue and function, their ARNs parsed once. */
    private volatile Targets targets;
    private int active;
    private boolean stopped;
    /** Stopped by a reset: batches in progress are neither invoked nor deleted, their queue is gone. */
    private boolean abandoned;
    /** Lambda's generation when this poller started: a reset since makes its invocations run nothing. */
    private final long born;

    SqsPoller(EventSourceMapping mapping, StackContext context, InProcessSqs sqs, LambdaPort lambda,
            LambdaRegions regions) {
        this.mapping = mapping;
        this.targets = Targets.of(mapping);
        this.context = context;
        this.sqs = sqs;
        this.lambda = lambda;
        this.regions = regions;
        this.queue = mapping.queue();
        this.trigger = "sqs:" + queue.arn();
        this.born = lambda.generation();
    }

    EventSourceMapping mapping() {
        return mapping;
    }

    @Override
    public String uuid() {
        return mapping.uuid();
    }

    @Override
    public String functionArn() {
        return mapping.functionArn();
    }

    /** Swaps in new settings; enabling starts pollers, disabling lets them retire. */
    void update(EventSourceMapping next) {
        targets = Targets.of(next);
        mapping = next;
        if (next.enabled()) {
            start();
        }
    }

    synchronized int activePollers() {
        return active;
    }

    void start() {
        int starting;
        synchronized (this) {
            if (stopped || !mapping.enabled()) {
                return;
            }
            starting = Math.max(0, Math.min(INITIAL_POLLERS, mapping.concurrencyCap()) - active);
            active += starting;
        }
        for (int i = 0; i < starting; i++) {
            poll();
        }
    }

    @Override
    public synchronized void stop() {
        stopped = true;
    }

    @Override
    public synchronized void abandon() {
        stopped = true;
        abandoned = true;
    }

    private synchronized boolean abandoned() {
        return abandoned;
    }

    private synchronized boolean running() {
        return !stopped && mapping.enabled();
    }

    private void poll() {
        if (!running()) {
            retire();
            return;
        }
        if (paused()) {
            idle(true);
            return;
        }
        EventSourceMapping now = mapping;
        long askedAt = context.clock().millis();
        sqs.receive(targets.queue(), Math.min(10, now.batchSize()), LONG_POLL_SECONDS)
                .whenComplete((messages, failure) -> {
                    if (failure != null || messages.isEmpty()) {
                        idle(failure != null || context.clock().millis() - askedAt < 1000);
                    } else {
                        gather(new ArrayList<>(messages), askedAt + now.batchingWindowSeconds() * 1000L);
                    }
                });
    }

    /** Whether a hook (a region outage) stops this mapping's polling for now. */
    private boolean paused() {
        for (LambdaHook hook : context.hooks(LambdaHook.class)) {
            if (hook.eventSourceMappingPaused(queue.region(), targets.function().name())) {
                return true;
            }
        }
        return false;
    }

    /** An empty receive: retire this poller if others remain, else poll again (later if it came back early). */
    private void idle(boolean early) {
        synchronized (this) {
            if (active > 1 || !running()) {
                active--;
                return;
            }
        }
        if (early) {
            later(this::poll);
        } else {
            poll();
        }
    }

    private synchronized void retire() {
        active--;
    }

    private void gather(List<ReceivedMessage> batch, long windowEnd) {
        EventSourceMapping now = mapping;
        if (batch.size() >= now.batchSize() || now.batchingWindowSeconds() == 0) {
            invoke(batch);
            return;
        }
        drain(batch);
        if (batch.size() >= now.batchSize() || context.clock().millis() >= windowEnd) {
            invoke(batch);
            return;
        }
        try {
            context.clock().schedule(java.time.Instant.ofEpochMilli(windowEnd), () -> {
                drain(batch);
                invoke(batch);
            });
        } catch (RuntimeException e) {
            retire(); // the stack is closing
        }
    }

    /** Adds what the queue has at once, up to the batch size. */
    private void drain(List<ReceivedMessage> batch) {
        EventSourceMapping now = mapping;
        while (batch.size() < now.batchSize()) {
            List<ReceivedMessage> more = sqs.receive(targets.queue(), Math.min(10, now.batchSize() - batch.size()),
                    0).toCompletableFuture().getNow(List.of());
            if (more.isEmpty()) {
                return;
            }
            batch.addAll(more);
        }
    }

    private void invoke(List<ReceivedMessage> batch) {
        if (abandoned()) {
            // a long poll from before a reset of Lambda alone may answer after it, from a queue that was kept:
            // its messages go back at once rather than after their visibility timeout
            sqs.release(targets.queue(), batch);
            retire();
            return;
        }
        EventSourceMapping now = mapping;
        Targets to = targets;
        LambdaFunction function = regions.find(to.function());
        if (function == null) {
            later(this::poll);
            return;
        }
        List<String> ids = new ArrayList<>(batch.size());
        batch.forEach(message -> ids.add(message.messageId()));
        lambda.invoke(function, null, SqsEventRecords.event(batch, to.queue()), "sqs:" + now.queueArn(), ids, born)
                .whenComplete((result, failure) -> invoked(batch, result, failure, now));
    }

    private void invoked(List<ReceivedMessage> batch, InvocationResult result, Throwable failure,
            EventSourceMapping now) {
        if (failure instanceof java.util.concurrent.CancellationException) {
            // a reset came between this poller's check and the invocation: nothing ran, as in invoke()
            sqs.release(targets.queue(), batch);
        }
        if (failure != null || abandoned()) {
            retire();
            return;
        }
        settle(batch, result);
        if (result.outcome() == InvocationOutcome.THROTTLED) {
            later(this::poll); // back off; the batch returns after its visibility timeout
            return;
        }
        scaleUp(batch.size() >= Math.min(10, now.batchSize()));
        poll();
    }

    private void settle(List<ReceivedMessage> batch, InvocationResult result) {
        if (result.outcome() != InvocationOutcome.SUCCESS) {
            return;
        }
        Set<String> failed = mapping.reportBatchItemFailures() ? failedIds(result, batch) : Set.of();
        if (failed == null) {
            return; // an unreadable batchItemFailures answer fails the whole batch, as AWS treats it
        }
        Set<String> poisoned = sqs.poisoned(targets.queue(), batch);
        if (!poisoned.isEmpty()) {
            if (!mapping.reportBatchItemFailures()) {
                return; // a poison message fails the whole batch
            }
            failed = new HashSet<>(failed);
            failed.addAll(poisoned); // reported as failed items
        }
        List<String> handles = new ArrayList<>(batch.size());
        for (ReceivedMessage message : batch) {
            if (!failed.contains(message.messageId())) {
                handles.add(message.receiptHandle());
            }
        }
        sqs.delete(targets.queue(), handles);
    }

    /** The ids in {@code batchItemFailures}; null when one is empty or not in the batch (all failed). */
    private Set<String> failedIds(InvocationResult result, List<ReceivedMessage> batch) {
        JsonNode response;
        try {
            response = new dev.simstack.core.internal.protocol.json.JsonTrees().read(result.payload());
        } catch (Exception e) {
            return Set.of();
        }
        Set<String> inBatch = new HashSet<>();
        batch.forEach(message -> inBatch.add(message.messageId()));
        Set<String> failed = new HashSet<>();
        if (response == null || !response.isObject()) {
            return failed;
        }
        for (JsonNode item : response.path("batchItemFailures")) {
            String id = item.path("itemIdentifier").asText("");
            if (id.isEmpty() || !inBatch.contains(id)) {
                return null;
            }
            failed.add(id);
        }
        return failed;
    }

    private void scaleUp(boolean fullBatch) {
        boolean add;
        synchronized (this) {
            add = fullBatch && running() && active < mapping.concurrencyCap();
            if (add) {
                active++;
            }
        }
        if (add) {
            poll();
        }
    }

    private void later(Runnable task) {
        try {
            context.clock().schedule(BACKOFF, task);
        } catch (RuntimeException e) {
            retire(); // the stack is closing
        }
    }

    /** A mapping's queue and function as references, their ARNs parsed once. */
    private record Targets(ResourceRef queue, ResourceRef function) {
        static Targets of(EventSourceMapping mapping) {
            return new Targets(ResourceRef.fromArn(mapping.queueArn()), ResourceRef.fromArn(mapping.functionArn()));
        }
    }
}
