package dev.simstack.sample.demo;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The figures of a run that scaling advice is read from; all times on the stack's clock.
 *
 * @param window over how long the orders were sent
 * @param arrivals when each request reached the stage, in milliseconds from the first, in order
 * @param throttled how many of them the stage refused (429)
 * @param stageRate the stage's steady rate, requests a second
 * @param stageBurst the stage's burst
 * @param accepted orders accepted (each one message on the queue)
 * @param deletedByBurstEnd messages the worker had deleted when the last request of the burst was sent
 * @param peakQueueDepth the most messages the queue held at once
 * @param drainTime from the burst's last request until the queue was empty
 * @param invocations the worker's invocations that ran
 * @param invocationSpan from the worker's first invocation's start to its last one's end
 * @param meanInvocation the worker's mean invocation duration
 * @param peakConcurrency the most worker invocations running at once
 * @param mappingMaxConcurrency the event source mapping's MaximumConcurrency
 * @param batchSize the event source mapping's BatchSize
 * @param meanBatch the mean number of messages per invocation
 */
record ScalingFigures(Duration window, List<Long> arrivals, long throttled, double stageRate, int stageBurst,
        long accepted, long deletedByBurstEnd, int peakQueueDepth, Duration drainTime, long invocations,
        Duration invocationSpan, Duration meanInvocation, int peakConcurrency, int mappingMaxConcurrency,
        int batchSize, double meanBatch) {

    ScalingFigures {
        arrivals = List.copyOf(arrivals);
    }

    /**
     * The figures of a run, from the stack's ledger, with the stage's throttle and the worker's mapping as the
     * template sets them.
     */
    static ScalingFigures read(Stack stack, Duration window, TemplateSettings settings) {
        var ledger = stack.ledger();
        List<LedgerEntry.ApiRequest> requests = ledger.entries(LedgerEntry.ApiRequest.class);
        List<Instant> arrived = requests.stream().map(r -> r.at().minus(r.latency())).sorted().toList();
        Instant first = arrived.isEmpty() ? stack.clock().now() : arrived.get(0);
        Instant burstEnd = arrived.isEmpty() ? first : arrived.get(arrived.size() - 1);
        ResourceRef queue = stack.queue(Demo.QUEUE).ref();
        List<LedgerEntry.Message> messages = ledger.entries(LedgerEntry.Message.class).stream()
                .filter(m -> m.queue().equals(queue)).toList();
        long deletedByEnd = messages.stream().filter(m -> m.kind() == LedgerEntry.MessageEvent.DELETED
                && !m.at().isAfter(burstEnd)).map(LedgerEntry.Message::messageId).distinct().count();
        Instant emptied = messages.stream().filter(m -> m.kind() == LedgerEntry.MessageEvent.DELETED
                || m.kind() == LedgerEntry.MessageEvent.MOVED_TO_DLQ).map(LedgerEntry.Message::at)
                .max(Instant::compareTo).orElse(burstEnd);
        ResourceRef worker = stack.function(Demo.WORKER).ref();
        List<LedgerEntry.Invocation> runs = ledger.entries(LedgerEntry.Invocation.class).stream()
                .filter(i -> i.function().equals(worker) && i.outcome() != LedgerEntry.InvocationOutcome.THROTTLED)
                .toList();
        Duration span = runs.isEmpty() ? Duration.ZERO : Duration.between(
                runs.stream().map(LedgerEntry.Invocation::start).min(Instant::compareTo).orElseThrow(),
                runs.stream().map(LedgerEntry.Invocation::end).max(Instant::compareTo).orElseThrow());
        Duration mean = runs.isEmpty() ? Duration.ZERO : Duration.ofNanos((long) runs.stream()
                .mapToLong(i -> Duration.between(i.start(), i.end()).toNanos()).average().orElse(0));
        return new ScalingFigures(window, arrived.stream().map(at -> Duration.between(first, at).toMillis()).toList(),
                requests.stream().filter(LedgerEntry.ApiRequest::throttled).count(), settings.stageRate(),
                settings.stageBurst(), requests.stream().filter(r -> r.status() / 100 == 2).count(), deletedByEnd,
                LedgerFigures.peakQueueDepth(ledger.entries(LedgerEntry.Message.class), queue),
                emptied.isAfter(burstEnd) ? Duration.between(burstEnd, emptied) : Duration.ZERO, runs.size(), span,
                mean, LedgerFigures.peakConcurrency(ledger.entries(LedgerEntry.Invocation.class), worker),
                settings.maximumConcurrency(), settings.batchSize(),
                runs.stream().mapToInt(i -> i.carried().size()).average().orElse(0));
    }
}
