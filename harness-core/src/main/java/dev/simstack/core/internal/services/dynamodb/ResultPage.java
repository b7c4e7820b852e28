package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * One page of a Query or Scan. It ends when {@code Limit} items have been read or when the items read
 * reach 1 MB (DynamoDB's page size), both counted before the filter; then LastEvaluatedKey says where the
 * next page starts.
 */
final class ResultPage {

    /** DynamoDB stops a page once it has read 1 MB of items. */
    private static final long PAGE_BYTES = 1024 * 1024;

    private final ReadSelection selection;
    private final Condition filter;
    private final Integer limit;
    private int count;
    private int scanned;
    private long bytes;
    private long charged;
    private AttributeMap last;
    private boolean more;

    ResultPage(ReadSelection selection, Condition filter, Integer limit) {
        this.selection = selection;
        this.filter = filter;
        this.limit = limit;
    }

    /** Reads {@code items} (those {@code wanted}) into {@code output}'s Items, Count and ScannedCount. */
    void read(Iterator<AttributeMap> items, Predicate<AttributeMap> wanted, ObjectNode output) {
        ArrayNode list = selection.countOnly() ? null : output.putArray("Items");
        while (items.hasNext() && !full()) {
            AttributeMap item = items.next();
            if (!wanted.test(item)) {
                continue;
            }
            long size = ItemSize.of(item);
            if (scanned > 0 && bytes + size > PAGE_BYTES) {
                more = true;
                break;
            }
            scanned++;
            bytes += size;
            charged += selection.chargedSize(item);
            last = item;
            AttributeMap indexed = selection.indexed(item);
            if (filter == null || filter.test(indexed)) {
                count++;
                if (list != null) {
                    list.add(AttributeValueCodec.writeItem(selection.returned(indexed)));
                }
            }
        }
        output.put("Count", count);
        output.put("ScannedCount", scanned);
        // AWS answers a LastEvaluatedKey whenever Limit stopped the page, even if nothing follows
        if ((more || full()) && last != null) {
            output.set("LastEvaluatedKey", AttributeValueCodec.writeItem(selection.lastEvaluatedKey(last)));
        }
    }

    private boolean full() {
        return limit != null && scanned == limit;
    }

    /** Bytes of the items read as the table or index holds them, which is what the page's capacity is charged for. */
    long bytesRead() {
        return charged;
    }
}
