package dev.simstack.core.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import dev.simstack.core.internal.services.dynamodb.table.KeySchema;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import dev.simstack.core.internal.services.dynamodb.table.TableSettings;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Items are stored compactly: 100,000 items of about 200 bytes (by DynamoDB's size formula) take at most
 * three times their bytes of heap, table and index structures included.
 */
class ItemFootprintTest {

    private static final int ITEMS = 100_000;

    @Test
    void a_hundred_thousand_items_take_at_most_three_times_their_bytes() {
        KeySchema keys = new KeySchema("id", AttributeValue.Type.S, null, null);
        long before = usedHeap();
        Table table = new Table(new TableSettings(ResourceRef.table("us-east-1", "000000000000", "orders"), "id", Instant.EPOCH, keys,
                Map.of("id", "S")), List.of());
        long raw = 0;
        for (int i = 0; i < ITEMS; i++) {
            AttributeMap item = item(i);
            raw += ItemSize.of(item);
            table.put(item);
        }
        long after = usedHeap();

        double perItem = (double) raw / ITEMS;
        double ratio = (double) (after - before) / raw;
        assertThat(perItem).isBetween(180.0, 220.0);
        assertThat(ratio).as("heap per raw byte (%.0f bytes per item)", (after - before) / (double) ITEMS)
                .isLessThanOrEqualTo(3.0);
        assertThat(table.itemCount()).isEqualTo(ITEMS);
    }

    private static AttributeMap item(int i) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.s(String.format("%08x-7d3c-4f9a-9b1e-%012d", i, i)));
        item.put("customer", AttributeValue.s("customer-" + (i % 5000) + "@example.com"));
        item.put("status", AttributeValue.s(i % 3 == 0 ? "SHIPPED" : "PLACED"));
        item.put("total", AttributeValue.n(new BigDecimal(i).movePointLeft(2)));
        item.put("quantity", AttributeValue.n(i % 7));
        item.put("address", AttributeValue.s(i + " Rue de la Paix, 75002 Paris, France"));
        item.put("note", AttributeValue.s("deliver between 9 and 5, ring twice " + (i % 10)));
        item.put("gift", AttributeValue.Bool.of(i % 2 == 0));
        return AttributeMap.of(item);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
