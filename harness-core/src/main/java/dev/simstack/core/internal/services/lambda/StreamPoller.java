package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.QueueSink;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.streams.StreamLog;
import dev.simstack.core.internal.services.dynamodb.streams.StreamRecord;
import dev.simstack.core.internal.services.dynamodb.streams.StreamRecordJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The poller of one DynamoDB stream event source mapping, as "Using Lambda with DynamoDB" describes it:
 * one batch at a time per shard (the stream has one), so records reach the function in the stream's order,
 * which is each item's order. A write wakes it (nothing spins); it gathers up to BatchSize records that pass
 * the FilterCriteria, within the batching window on the stack's clock, and invokes the function. A failed
 * batch blocks the shard: it is retried (after a second on the clock) until it succeeds, or MaximumRetryAttempts
 * or MaximumRecordAgeInSeconds discard it to the OnFailure destination; BisectBatchOnFunctionError splits it
 * first, and a partial batch response checkpoints the records before the first failed one.
 */
final class StreamPoller implements MappingPoller {

    private static final Duration BACKOFF = Duration.ofSeconds(1);

    private final StackContext context;
    private final LambdaPort lambda;
    private final LambdaRegions regions;
    private final QueueSink destinations;
    private final StreamLog stream;
    private final String region;
    private volatile StreamMapping mapping;
    private volatile List<JsonNode> filters;
    private AutoCloseable subscription;
    /** The sequence number after which the next fresh batch starts: the checkpoint. */
    private long position;
    /** The batch being delivered first, then the halves a bisection left; empty when the next is fresh. */
    private final Deque<Batch> pending = new ArrayDeque<>();
    /** How many times the head batch was invoked. */
    private int invokes;
    /** Epoch millis when the open batching window ends, or -1. */
    private long windowEnd = -1;
    private boolean busy;
    private boolean wakeAgain;
    private boolean stopped;
    private boolean abandoned;
    /** Lambda's generation when this poller started: a reset since makes its invocations run nothing. */
    private final long born;

    StreamPoller(StreamMapping mapping, StreamLog stream, StackContext context, LambdaPort lambda,
            LambdaRegions regions, QueueSink destinations) {
        this.mapping = mapping;
        this.filters = StreamMappingActions.patterns(mapping.filters());
        this.stream = stream;
        this.context = context;
        this.lambda = lambda;
        this.regions = regions;
        this.destinations = destinations;
        this.region = mapping.streamArn().split(":")[3];
        this.born = lambda.generation();
        // LATEST means the records written after the mapping is created, whenever it is enabled
        this.position = mapping.startingPosition().equals("LATEST") ? stream.lastSequence()
                : stream.trimmedThrough(context.clock().now());
    }

    StreamMapping mapping() {
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

    void start() {
        subscription = stream.subscribe(record -> wake());
        wake();
    }

    /** Swaps in new settings; enabling resumes from the checkpoint. */
    void update(StreamMapping next) {
        filters = StreamMappingActions.patterns(next.filters());
        mapping = next;
        wake();
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void abandon() {
        synchronized (this) {
            abandoned = true;
        }
        stop();
    }

    private synchronized boolean running() {
        return !stopped && mapping.enabled() && !stream.gone();
    }

    /** Whether the stream it reads is gone with its table: the mapping has no source left. */
    boolean sourceGone() {
        return stream.gone();
    }

    /** A new record (or settings): poll now unless a poll is under way, which then polls once more. */
    private void wake() {
        synchronized (this) {
            if (busy) {
                wakeAgain = true;
                return;
            }
            if (!running()) {
                return;
            }
            busy = true;
        }
        poll();
    }

    private void poll() {
        if (!running()) {
            idle();
            return;
        }
        Batch batch = nextBatch();
        if (batch == WAITING) {
            return; // the window's timer polls again
        }
        if (batch == null) {
            idle();
            return;
        }
        invoke(batch);
    }

    private void idle() {
        boolean again;
        synchronized (this) {
            again = wakeAgain && running();
            wakeAgain = false;
            busy = again;
        }
        if (again) {
            poll();
        }
    }

    /** The head pending batch, or a fresh one read from the checkpoint; null when there is none yet. */
    private Batch nextBatch() {
        if (!pending.isEmpty()) {
            return pending.peek();
        }
        Instant now = context.clock().now();
        position = Math.max(position, stream.trimmedThrough(now)); // records past retention are lost, as on AWS
        StreamMapping settings = mapping;
        List<StreamRecord> records = new ArrayList<>();
        long cursor = position;
        while (records.size() < settings.batchSize()) {
            List<StreamRecord> page = stream.read(cursor, settings.batchSize(), now);
            if (page.isEmpty()) {
                break;
            }
            for (StreamRecord record : page) {
                cursor = Long.parseLong(record.sequenceNumber());
                if (EventFilter.passes(filters, json(record))) {
                    records.add(record);
                    if (records.size() == settings.batchSize()) {
                        break;
                    }
                }
            }
        }
        if (records.isEmpty()) {
            position = cursor; // filtered out records are skipped for good
            return null;
        }
        if (records.size() < settings.batchSize() && settings.batchingWindowSeconds() > 0 && !windowClosed(now)) {
            return WAITING;
        }
        windowEnd = -1;
        Batch batch = new Batch(records, cursor);
        pending.push(batch);
        invokes = 0;
        return batch;
    }

    /** Whether the batching window is over; opens it (with a timer at its end) if none is open. */
    private boolean windowClosed(Instant now) {
        if (windowEnd < 0) {
            windowEnd = now.toEpochMilli() + mapping.batchingWindowSeconds() * 1000L;
            try {
                context.clock().schedule(Instant.ofEpochMilli(windowEnd), this::poll);
            } catch (RuntimeException e) {
                stop(); // the stack is closing
                return true;
            }
            return false;
        }
        return now.toEpochMilli() >= windowEnd;
    }

    private void invoke(Batch batch) {
        StreamMapping settings = mapping;
        Instant now = context.clock().now();
        Instant oldest = batch.records().get(0).approximateCreationDateTime();
        if (settings.maximumRecordAgeSeconds() >= 0
                && Duration.between(oldest, now).getSeconds() >= settings.maximumRecordAgeSeconds()) {
            discard(batch, StreamFailureRecord.RECORD_AGE_EXCEEDED, null);
            return;
        }
        LambdaFunction function = regions.find(ResourceRef.fromArn(settings.functionArn()));
        if (function == null) {
            later();
            return;
        }
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode list = event.putArray("Records");
        List<String> sequences = new ArrayList<>();
        for (StreamRecord record : batch.records()) {
            list.add(StreamRecordJson.lambdaShape(record, region, settings.streamArn()));
            sequences.add(record.sequenceNumber());
        }
        lambda.invoke(function, null, event.toString().getBytes(StandardCharsets.UTF_8),
                "dynamodb:" + settings.streamArn(), sequences, born)
                .whenComplete((result, failure) -> invoked(batch, result, failure));
    }

    private void invoked(Batch batch, InvocationResult result, Throwable failure) {
        synchronized (this) {
            if (failure != null || abandoned) {
                busy = false;
                return;
            }
        }
        if (result.throttled()) {
            later(); // not an attempt: nothing ran
            return;
        }
        invokes++;
        if (result.failed()) {
            failed(batch, result);
            return;
        }
        long failedFrom = mapping.reportBatchItemFailures() ? BatchItemFailures.firstFailed(result, batch.records())
                : BatchItemFailures.NONE;
        if (failedFrom == BatchItemFailures.NONE) {
            done(batch);
            poll();
            return;
        }
        // records before the first failed one are checkpointed; the rest is the batch retried
        List<StreamRecord> rest = new ArrayList<>();
        batch.records().forEach(r -> {
            if (Long.parseLong(r.sequenceNumber()) >= failedFrom) {
                rest.add(r);
            }
        });
        pending.pop();
        position = Math.max(position, failedFrom - 1);
        Batch retried = new Batch(rest, batch.through());
        pending.push(retried);
        failed(retried, result);
    }

    private void failed(Batch batch, InvocationResult result) {
        StreamMapping settings = mapping;
        if (settings.bisectOnError() && result.failed() && batch.records().size() > 1) {
            // "Splitting a batch does not count towards the retry quota": each half starts afresh
            int half = batch.records().size() / 2;
            List<StreamRecord> first = batch.records().subList(0, half);
            pending.pop();
            pending.push(new Batch(batch.records().subList(half, batch.records().size()), batch.through()));
            pending.push(new Batch(first, Long.parseLong(first.get(half - 1).sequenceNumber())));
            invokes = 0;
            later();
            return;
        }
        int retries = invokes - 1;
        if (settings.maximumRetryAttempts() >= 0 && retries >= settings.maximumRetryAttempts()) {
            discard(batch, StreamFailureRecord.RETRIES_EXHAUSTED, result);
            return;
        }
        later();
    }

    /** Gives up on {@code batch}: described to the OnFailure destination, if any, and skipped. */
    private void discard(Batch batch, String condition, InvocationResult last) {
        StreamMapping settings = mapping;
        if (settings.onFailureArn() != null) {
            String body = StreamFailureRecord.body(settings, stream.shardId(), batch.records(), condition, last,
                    invokes, context.clock().now(), context.ids().next());
            try {
                destinations.send(ResourceRef.fromArn(settings.onFailureArn()), body);
            } catch (AwsException gone) {
                // the destination was deleted: AWS drops the record too
            }
        }
        done(batch);
        poll();
    }

    private void done(Batch batch) {
        pending.pop();
        position = Math.max(position, batch.through());
        invokes = 0;
    }

    private void later() {
        try {
            context.clock().schedule(BACKOFF, this::poll);
        } catch (RuntimeException e) {
            synchronized (this) {
                busy = false; // the stack is closing
            }
        }
    }

    private JsonNode json(StreamRecord record) {
        return StreamRecordJson.lambdaShape(record, region, mapping.streamArn());
    }

    /** A batch's records and the sequence number the checkpoint moves to once it is done (filtered ones included). */
    private record Batch(List<StreamRecord> records, long through) {
    }

    private static final Batch WAITING = new Batch(List.of(), 0);
}
