package dev.simstack.core.internal.services.dynamodb.streams;

import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The in-memory stream of one table: every item change in the order it was applied (so in order per
 * item), with sequence numbers, the view type's images and a 24-hour retention measured on the stack
 * clock. The {@code dynamodbstreams} API and Lambda's stream event source mappings read it. It is one shard
 * (AWS splits a stream into shards by partition and time; one shard keeps every key's order, which is what
 * consumers rely on). Appends happen under the table's write lock, so order is the table's write order.
 */
public final class StreamLog {

    /** DynamoDB Streams keeps records for 24 hours. */
    public static final long RETENTION_MILLIS = 24L * 60 * 60 * 1000;
    /** The sequence number of a stream's first record. */
    public static final long FIRST_SEQUENCE = 100000000000000000L;

    private final String arn;
    private final String label;
    private final String viewType;
    private final List<StreamRecord> records = new ArrayList<>();
    private final List<Consumer<StreamRecord>> listeners = new CopyOnWriteArrayList<>();
    private final String shardId;
    private long nextSequence = FIRST_SEQUENCE;
    /** The highest sequence number trimmed away by the retention period; below the first while none was. */
    private long trimmedThrough = FIRST_SEQUENCE - 1;
    private volatile boolean enabled = true;
    private volatile boolean gone;

    public StreamLog(String arn, String label, String viewType) {
        this.arn = arn;
        this.label = label;
        this.viewType = viewType;
        this.shardId = shardId(arn, label);
    }

    /** AWS's shape: {@code shardId-} then 20 digits of the creation time in millis, a dash and 8 hex digits. */
    private static String shardId(String arn, String label) {
        long created;
        try {
            created = java.time.LocalDateTime.parse(label).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            created = 0;
        }
        return String.format("shardId-%020d-%08x", created, arn.hashCode());
    }

    /** The id of the stream's one shard. */
    public String shardId() {
        return shardId;
    }

    /** The sequence number of the last record appended, or {@code FIRST_SEQUENCE - 1} if none was. */
    public long lastSequence() {
        synchronized (records) {
            return nextSequence - 1;
        }
    }

    /** The highest sequence number trimmed by the retention period as of {@code now}. */
    public long trimmedThrough(Instant now) {
        synchronized (records) {
            trim(now);
            return trimmedThrough;
        }
    }

    public String arn() {
        return arn;
    }

    public String label() {
        return label;
    }

    public String viewType() {
        return viewType;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The stream's table is gone with the state that held it (a reset of DynamoDB): it takes no records, and
     * readers that still hold it (Lambda's mappings) must read nothing more from it.
     */
    public void remove() {
        enabled = false;
        gone = true;
    }

    /** Whether {@link #remove()} was called: the records it holds belong to a state that no longer exists. */
    public boolean gone() {
        return gone;
    }

    /** Stops taking records (StreamEnabled false); what it holds stays readable until it expires. */
    public void disable() {
        enabled = false;
    }

    /** Records a change; {@code before} null means INSERT, {@code after} null means REMOVE. */
    public void append(AttributeMap keys, AttributeMap before, AttributeMap after, Instant at, boolean byTimeToLive) {
        if (!enabled) {
            return;
        }
        String event = before == null ? "INSERT" : after == null ? "REMOVE" : "MODIFY";
        boolean keepNew = viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
        boolean keepOld = viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
        AttributeMap newImage = keepNew ? after : null;
        AttributeMap oldImage = keepOld ? before : null;
        long size = ItemSize.of(keys) + (newImage == null ? 0 : ItemSize.of(newImage))
                + (oldImage == null ? 0 : ItemSize.of(oldImage));
        StreamRecord record;
        synchronized (records) {
            long sequence = nextSequence++;
            record = new StreamRecord(Long.toString(sequence), event, at, keys, newImage, oldImage, viewType, size,
                    byTimeToLive, Long.toHexString(sequence * 0x9E3779B97F4A7C15L));
            records.add(record);
            trim(at);
        }
        for (Consumer<StreamRecord> listener : listeners) {
            listener.accept(record);
        }
    }

    private void trim(Instant now) {
        long oldest = now.toEpochMilli() - RETENTION_MILLIS;
        int expired = 0;
        while (expired < records.size() && records.get(expired).approximateCreationDateTime().toEpochMilli() < oldest) {
            expired++;
        }
        if (expired > 0) {
            trimmedThrough = Long.parseLong(records.get(expired - 1).sequenceNumber());
            records.subList(0, expired).clear();
        }
    }

    /** The records after {@code afterSequence} (null for the oldest kept), at most {@code limit}. */
    public List<StreamRecord> read(String afterSequence, int limit) {
        List<StreamRecord> page = new ArrayList<>();
        long after = afterSequence == null ? Long.MIN_VALUE : Long.parseLong(afterSequence);
        synchronized (records) {
            for (StreamRecord record : records) {
                if (Long.parseLong(record.sequenceNumber()) > after) {
                    page.add(record);
                    if (page.size() == limit) {
                        break;
                    }
                }
            }
        }
        return page;
    }

    /** The records after sequence number {@code after} still kept at {@code now}, at most {@code limit}. */
    public List<StreamRecord> read(long after, int limit, Instant now) {
        synchronized (records) {
            trim(now);
            return read(Long.toString(after), limit);
        }
    }

    /** Every record kept, oldest first. */
    public List<StreamRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** Calls {@code listener} with every new record, on the writing thread; close the handle to stop. */
    public AutoCloseable subscribe(Consumer<StreamRecord> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
