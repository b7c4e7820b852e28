package dev.simstack.core.internal.report;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The report's charts as numbers: per time bucket, each queue's depth and in-flight messages, throttled
 * requests per second by where they were refused, and each function's concurrency. One pass over the ledger
 * (and a sort of the invocations' edges), so 100,000 entries take milliseconds.
 */
final class LedgerSeries {

    private final Map<String, LevelTrack> depth = new TreeMap<>();
    private final Map<String, LevelTrack> inFlight = new TreeMap<>();
    /** The ids of the messages each queue holds, so that depth never counts a message twice or below zero. */
    private final Map<String, Set<String>> held = new HashMap<>();
    private final Map<String, double[]> throttles = new TreeMap<>();
    private final Map<String, double[]> concurrency = new TreeMap<>();

    private LedgerSeries() {
    }

    static LedgerSeries of(List<LedgerEntry> entries, TimeAxis axis, Names names,
            Map<ResourceRef, ResourceRef> deadLetterQueues) {
        LedgerSeries series = new LedgerSeries();
        Map<String, Set<String>> delivered = new HashMap<>();
        Map<ResourceRef, List<long[]>> edges = new LinkedHashMap<>();
        for (LedgerEntry entry : entries) {
            int bucket = axis.bucket(entry.at());
            if (entry instanceof LedgerEntry.Message message) {
                series.message(message, bucket, names.of(message.queue()), delivered);
                ResourceRef dlq = deadLetterQueues.get(message.queue());
                if (message.kind() == LedgerEntry.MessageEvent.MOVED_TO_DLQ && dlq != null) {
                    // SQS records the move on the source queue only: the dead-letter queue grows by it.
                    series.depth.computeIfAbsent(names.of(dlq), q -> new LevelTrack()).change(bucket, 1);
                }
            } else if (entry instanceof LedgerEntry.Request request && Throttles.refused(request)) {
                series.throttle(Palette.label(request.service()) + " requests", bucket, axis);
            } else if (entry instanceof LedgerEntry.ApiRequest request && request.throttled()) {
                series.throttle("API " + names.of(request.api()), bucket, axis);
            } else if (entry instanceof LedgerEntry.Invocation run) {
                if (run.outcome() == LedgerEntry.InvocationOutcome.THROTTLED) {
                    series.throttle("Lambda " + names.of(run.function()), bucket, axis);
                } else {
                    List<long[]> list = edges.computeIfAbsent(run.function(), f -> new ArrayList<>());
                    list.add(new long[] {run.start().toEpochMilli() * 2 + 1, 1});
                    list.add(new long[] {run.end().toEpochMilli() * 2, -1});
                }
            }
        }
        edges.forEach((function, list) -> series.concurrency.put(names.of(function), concurrency(list, axis)));
        return series;
    }

    /**
     * A message's step changes its queue's depth (sent, removed) and in-flight count (delivered, removed). Depth
     * counts the messages the queue holds, by id: a message delivered again after its delete (a duplicate
     * delivery) is back in the queue until it is deleted again, and a second delete removes nothing more.
     */
    private void message(LedgerEntry.Message message, int bucket, String queue, Map<String, Set<String>> delivered) {
        LevelTrack total = depth.computeIfAbsent(queue, q -> new LevelTrack());
        LevelTrack flying = inFlight.computeIfAbsent(queue, q -> new LevelTrack());
        Set<String> out = delivered.computeIfAbsent(queue, q -> new HashSet<>());
        Set<String> in = held.computeIfAbsent(queue, q -> new HashSet<>());
        String id = message.messageId();
        switch (message.kind()) {
            case SENT -> total.change(bucket, in.add(id) ? 1 : 0);
            case DELIVERED -> {
                total.change(bucket, in.add(id) ? 1 : 0);
                flying.change(bucket, out.add(id) ? 1 : 0);
            }
            case DELETED, MOVED_TO_DLQ, EXPIRED, PURGED -> {
                total.change(bucket, in.remove(id) ? -1 : 0);
                flying.change(bucket, out.remove(id) ? -1 : 0);
            }
            default -> {
            }
        }
    }

    private void throttle(String source, int bucket, TimeAxis axis) {
        throttles.computeIfAbsent(source, s -> new double[TimeAxis.BUCKETS])[bucket] += 1 / axis.bucketSeconds();
    }

    /** Ends sort before starts at the same millisecond, so back-to-back invocations do not overlap. */
    private static double[] concurrency(List<long[]> edges, TimeAxis axis) {
        edges.sort((a, b) -> Long.compare(a[0], b[0]));
        LevelTrack track = new LevelTrack();
        for (long[] edge : edges) {
            track.change(axis.bucket(edge[0] / 2), (int) edge[1]);
        }
        return track.peaks();
    }

    Map<String, double[]> depth() {
        return peaks(depth);
    }

    Map<String, double[]> inFlight() {
        return peaks(inFlight);
    }

    Map<String, double[]> throttles() {
        return throttles;
    }

    Map<String, double[]> concurrency() {
        return concurrency;
    }

    private static Map<String, double[]> peaks(Map<String, LevelTrack> tracks) {
        Map<String, double[]> values = new TreeMap<>();
        tracks.forEach((name, track) -> values.put(name, track.peaks()));
        return values;
    }

    /** Whether a request was refused for rate: the service's throttling code, or a 429. */
    static final class Throttles {

        private Throttles() {
        }

        static boolean refused(LedgerEntry.Request request) {
            AwsService service = request.service();
            if (mirrorsApiRequest(request)) {
                return false;
            }
            return request.status() == 429 || request.errorCode() != null && (service != null
                    && request.errorCode().equals(service.throttlingErrorCode())
                    || request.errorCode().contains("Throttl"));
        }

        /**
         * A request to an API's stage is recorded twice: as a request to API Gateway ({@code Execute}) and as an
         * {@link LedgerEntry.ApiRequest}, which the report counts and shows it by.
         */
        static boolean mirrorsApiRequest(LedgerEntry.Request request) {
            return request.service() == AwsService.APIGATEWAY && "Execute".equals(request.operation());
        }
    }
}
