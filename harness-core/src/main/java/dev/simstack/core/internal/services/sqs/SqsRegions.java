package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.StackContext;
import java.util.concurrent.ConcurrentHashMap;

/** Every region's SQS state, each created on first use: one endpoint serves every region. */
final class SqsRegions {

    private final StackContext context;
    private final ConcurrentHashMap<String, SqsRegion> regions = new ConcurrentHashMap<>();

    SqsRegions(StackContext context) {
        this.context = context;
    }

    StackContext context() {
        return context;
    }

    SqsRegion region(String name) {
        SqsRegion region = regions.get(name);
        return region != null ? region : regions.computeIfAbsent(name, n -> new SqsRegion(context, n));
    }

    SqsRegion region(DecodedCall call) {
        return region(call.region());
    }

    /** The queue of the call's required {@code QueueUrl}, in the call's region. */
    SqsQueue queue(DecodedCall call, Input input) {
        return region(call).queue(ref(call, input).name());
    }

    /** The queue the call's required {@code QueueUrl} names, in the call's region (a URL names no region). */
    ResourceRef ref(DecodedCall call, Input input) {
        String name = QueueAddress.nameFromUrl(input.requiredString("QueueUrl"), context.accountId());
        return ResourceRef.queue(call.region(), context.accountId(), name);
    }

    /** Every region that has SQS state. */
    java.util.Collection<SqsRegion> all() {
        return java.util.List.copyOf(regions.values());
    }

    /** Forgets every region; their queues answer waiting receives with no messages and stop their timers. */
    void reset() {
        java.util.List<SqsRegion> old = java.util.List.copyOf(regions.values());
        regions.clear();
        old.forEach(SqsRegion::close);
    }

    void close() {
        regions.values().forEach(SqsRegion::close);
    }
}
