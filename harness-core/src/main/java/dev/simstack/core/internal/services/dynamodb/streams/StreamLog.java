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
 * clock. It is the source a Lambda event source mapping will read; the {@code dynamodbstreams} API is not
 * served yet. Appends happen under the table's write lock, so order is the table's write order.
 */
public final class StreamLog {

    /** DynamoDB Streams keeps records for 24 hours. */
    private static final long RETENTION_MILLIS = 24L * 60 * 60 * 1000;

    private final String arn;
    private final String label;
    private final String viewType;
    private final List<StreamRecord> records = new ArrayList<>();
    private final List<Consumer<StreamRecord>> listeners = new CopyOnWriteArrayList<>();
    private long nextSequence = 100000000000000000L;
    private volatile boolean enabled = true;

    public StreamLog(String arn, String label, String viewType) {
        this.arn = arn;
        this.label = label;
        this.viewType = viewType;
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
