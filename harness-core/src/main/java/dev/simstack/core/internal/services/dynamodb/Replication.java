package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.SimClock;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Global tables (version 2019.11.21) between the regions of one stack. Every write to a replica is
 * delivered to the others after the replication lag, through the engine, not over HTTP; a replica
 * applies it only if it is newer than what it holds for that item (last writer wins by write timestamp,
 * ties broken by region name, so replicas converge whatever the order of arrival).
 */
final class Replication implements ReplicationControl {

    /** Replication lag of a fresh stack: one virtual second, AWS's typical sub-second-to-seconds lag. */
    static final Duration DEFAULT_LAG = Duration.ofSeconds(1);

    private final SimClock clock;
    private final Tables tables;
    private final ItemWriter writer;
    /** Writes held by the stack's hooks (faults), per link. */
    private final ReplicationLinks links;
    private final Map<String, List<Delivery>> held = new ConcurrentHashMap<>();
    /** The version of each item of each replica: table ARN to item key to version. */
    private final Map<String, Map<AttributeMap, Version>> versions = new ConcurrentHashMap<>();
    /** Counts the writes replicated, in the order they were made: the tie-breaker of one millisecond's writes. */
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    private volatile Duration lag = DEFAULT_LAG;
    /** Counts resets: a write on its way when the stack was reset must not reach a table made after it. */
    private volatile long generation;

    Replication(StackContext context, Tables tables, ItemWriter writer) {
        this.clock = context.clock();
        this.links = new ReplicationLinks(context, this::apply);
        this.tables = tables;
        this.writer = writer;
    }

    @Override
    public Duration lag() {
        return lag;
    }

    @Override
    public void setLag(Duration lag) {
        if (lag.isNegative()) {
            throw new IllegalArgumentException("replication lag cannot be negative: " + lag);
        }
        this.lag = lag;
    }

    @Override
    public void pause(String region) {
        held.putIfAbsent(region, new ArrayList<>());
    }

    @Override
    public void resume(String region) {
        List<Delivery> deliveries = held.remove(region);
        if (deliveries != null) {
            synchronized (deliveries) {
                deliveries.forEach(this::apply);
            }
        }
    }

    @Override
    public boolean isPaused(String region) {
        return held.containsKey(region);
    }

    /** Notes a local write to a global table and sends it to the other replicas. Under the source's lock. */
    void replicate(Table source, AttributeMap key, AttributeMap after) {
        Version version = new Version(clock.millis(), source.region(), writes.incrementAndGet());
        versions.computeIfAbsent(source.settings().arn(), a -> new ConcurrentHashMap<>()).put(key, version);
        for (String region : List.copyOf(source.settings().replicas())) {
            Delivery delivery = new Delivery(region, source.name(), key, after, version, generation);
            clock.schedule(lag, () -> deliver(delivery));
        }
    }

    private void deliver(Delivery delivery) {
        List<Delivery> waiting = held.get(delivery.region);
        if (waiting != null) {
            synchronized (waiting) {
                if (held.get(delivery.region) == waiting) {
                    waiting.add(delivery);
                    return;
                }
            }
        }
        links.arrive(delivery);
    }

    private void apply(Delivery delivery) {
        Table target = tables.find(delivery.region, delivery.table);
        if (target == null || delivery.generation != generation) {
            return; // the replica was deleted while the write was on its way
        }
        target.lock().writeLock().lock();
        try {
            Map<AttributeMap, Version> known = versions.computeIfAbsent(target.settings().arn(),
                    a -> new ConcurrentHashMap<>());
            Version current = known.get(delivery.key);
            if (current != null && !delivery.version.isNewerThan(current)) {
                return;
            }
            known.put(delivery.key, delivery.version);
            AttributeMap before = target.get(delivery.key);
            if (before == null && delivery.after == null) {
                return;
            }
            writer.commit(target, "Replication", delivery.key, before, delivery.after, false);
        } finally {
            target.lock().writeLock().unlock();
        }
    }

    /** Forgets the versions of a deleted table. */
    void forget(Table table) {
        versions.remove(table.settings().arn());
    }

    /**
     * Drops the writes on their way and the versions known (a reset); paused regions stay paused, since a
     * pause is a fault's setting, not state.
     */
    void reset() {
        generation++;
        versions.clear();
        links.clear();
        held.replaceAll((region, deliveries) -> new ArrayList<>());
    }

    /** A write on its way to the replica in {@code region}. */
    record Delivery(String region, String table, AttributeMap key, AttributeMap after, Version version,
            long generation) {

        /** The region the write was made in. */
        String source() {
            return version.region;
        }

        /** When the write was made, on the stack's clock. */
        long writtenMillis() {
            return version.millis;
        }
    }

    /**
     * When and where a write was made. Writes of one millisecond (a manual clock that does not move) are told
     * apart by the order they were made in, so the later of two writes in one region wins, as it does on AWS,
     * whose timestamps are finer than a millisecond; between regions the region decides, as before.
     */
    record Version(long millis, String region, long sequence) {
        boolean isNewerThan(Version other) {
            if (millis != other.millis) {
                return millis > other.millis;
            }
            int byRegion = region.compareTo(other.region);
            return byRegion != 0 ? byRegion > 0 : sequence > other.sequence;
        }
    }

    @Override
    public String toString() {
        return "Replication[lag " + lag + ", paused " + Objects.toString(held.keySet()) + "]";
    }
}
