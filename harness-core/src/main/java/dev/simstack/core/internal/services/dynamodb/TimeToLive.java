package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.SimClock;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Time to Live expiry on the stack clock. Each write of an item whose TTL attribute is a number (epoch
 * seconds) sets a timer for that instant; when it fires, the item is deleted if it still carries an
 * expiry at or before now, with a REMOVE stream record marked as the service's. AWS deletes expired
 * items "within a few days"; the engine deletes them at their expiry, so tests can advance the clock to
 * it. An expiry already past when written is acted on one millisecond later, never in the writing call.
 */
final class TimeToLive {

    /** AWS ignores TTL values more than five years in the past. */
    private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 60 * 60;

    private final SimClock clock;
    private final Tables tables;
    private final ItemWriter writer;

    TimeToLive(SimClock clock, Tables tables, ItemWriter writer) {
        this.clock = clock;
        this.tables = tables;
        this.writer = writer;
    }

    /** Sets the expiry timer of an item just written, if its table has TTL on and the item an expiry. */
    void track(Table table, AttributeMap item) {
        String attribute = table.settings().ttlAttribute();
        if (attribute == null) {
            return;
        }
        Instant expiry = expiry(item.get(attribute));
        if (expiry == null) {
            return;
        }
        Instant now = clock.now();
        Instant at = expiry.isAfter(now) ? expiry : now.plusMillis(1);
        AttributeMap key = table.keys().key(item);
        clock.schedule(at, () -> expire(table, key));
    }

    /** Sets timers for every item of a table whose TTL was just enabled. */
    void trackAll(Table table) {
        table.lock().readLock().lock();
        try {
            for (AttributeMap item : table.items()) {
                track(table, item);
            }
        } finally {
            table.lock().readLock().unlock();
        }
    }

    private void expire(Table table, AttributeMap key) {
        if (tables.find(table.region(), table.name()) != table) {
            return;
        }
        table.lock().writeLock().lock();
        try {
            String attribute = table.settings().ttlAttribute();
            AttributeMap item = table.get(key);
            if (attribute == null || item == null) {
                return;
            }
            Instant expiry = expiry(item.get(attribute));
            if (expiry != null && !expiry.isAfter(clock.now())) {
                writer.commit(table, "TimeToLive", key, item, null, true, true);
            }
        } finally {
            table.lock().writeLock().unlock();
        }
    }

    private Instant expiry(AttributeValue value) {
        if (!(value instanceof AttributeValue.N)) {
            return null; // AWS skips items whose TTL attribute is not a number
        }
        BigDecimal seconds = ((AttributeValue.N) value).value();
        long nowSeconds = clock.now().getEpochSecond();
        if (seconds.compareTo(BigDecimal.valueOf(nowSeconds - FIVE_YEARS_SECONDS)) < 0
                || seconds.compareTo(BigDecimal.valueOf(9_000_000_000_000L)) > 0) {
            return null;
        }
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
}
