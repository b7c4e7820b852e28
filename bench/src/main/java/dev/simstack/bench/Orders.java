package dev.simstack.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB items the benchmarks write and read: orders of about 200 bytes by DynamoDB's item size
 * rule, keyed by customer (partition key {@code pk}) and order number (sort key {@code sk}). Every
 * order has the same size whatever its numbers, so the floor's fixed answers are as large as the
 * engine's.
 */
final class Orders {

    static final String TABLE = "bench";
    /** Orders per customer that GetItem and Query read; Query reads 10 consecutive ones. */
    static final int PER_CUSTOMER = 100;
    static final int QUERY_LIMIT = 10;

    private Orders() {
    }

    static String customer(long n) {
        return String.format(Locale.ROOT, "customer#%010d", n);
    }

    static String order(long n) {
        return String.format(Locale.ROOT, "order#%06d", n);
    }

    /** Order {@code order} of customer {@code customer}: 9 attributes, 200 bytes by {@link #size}. */
    static Map<String, AttributeValue> item(long customer, long order) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS(customer(customer)));
        item.put("sk", AttributeValue.fromS(order(order)));
        item.put("status", AttributeValue.fromS(order % 3 == 0 ? "SHIPPED" : "PLACED!"));
        item.put("sku", AttributeValue.fromS(String.format(Locale.ROOT, "SKU-%06d", order % 1_000_000)));
        item.put("quantity", AttributeValue.fromN(Long.toString(order % 7 + 1)));
        // 5 significant digits whatever the order (ends in 1), so every item has the same size
        item.put("total", AttributeValue.fromN(BigDecimal.valueOf(10_001 + order % 8_999 * 10, 2).toPlainString()));
        item.put("createdAt", AttributeValue.fromS("2026-11-28T11:22:02.000Z"));
        item.put("address", AttributeValue.fromS(String.format(Locale.ROOT, "%05d Rue de la Paix, 75002 Paris, France",
                order % 100_000)));
        item.put("note", AttributeValue.fromS("deliver between 9 and 5, ring twice"));
        return item;
    }

    /**
     * An item's size by DynamoDB's rule ("Item sizes and formats"): for each attribute the UTF-8 bytes
     * of its name plus its value's, a string's UTF-8 bytes and a number's (significant digits + 1) / 2
     * + 1. Only the types {@link #item} uses are counted.
     */
    static long size(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += attribute.getKey().getBytes(StandardCharsets.UTF_8).length;
            AttributeValue value = attribute.getValue();
            if (value.s() != null) {
                size += value.s().getBytes(StandardCharsets.UTF_8).length;
            } else if (value.n() != null) {
                size += (significantDigits(value.n()) + 1) / 2 + 1;
            } else {
                throw new IllegalArgumentException("only S and N are counted, not " + value);
            }
        }
        return size;
    }

    private static int significantDigits(String number) {
        String digits = new BigDecimal(number).stripTrailingZeros().unscaledValue().abs().toString();
        return digits.equals("0") ? 1 : digits.length();
    }

    /** An item as DynamoDB's JSON protocol writes it, for the floor's answers. */
    static String json(Map<String, AttributeValue> item) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            AttributeValue value = attribute.getValue();
            json.append(json.length() == 1 ? "" : ",").append('"').append(attribute.getKey()).append("\":{\"")
                    .append(value.s() != null ? "S" : "N").append("\":\"")
                    .append(value.s() != null ? value.s() : value.n()).append("\"}");
        }
        return json.append('}').toString();
    }
}
