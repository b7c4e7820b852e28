package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import dev.simstack.core.internal.services.dynamodb.table.SecondaryIndex;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Capacity units as DynamoDB counts them ("Read/write capacity mode" in the developer guide): a read
 * is one unit per 4 KB read, half for an eventually consistent read; a write one unit per 1 KB written;
 * transactional reads and writes cost twice. Collects units per table and index for
 * {@code ReturnConsumedCapacity}.
 */
final class CapacityUnits {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final double READ_UNIT_BYTES = 4096;
    private static final double WRITE_UNIT_BYTES = 1024;

    private final String mode;
    private final boolean read;
    private final Map<String, Tally> tables = new LinkedHashMap<>();

    /** A tally for {@code mode} (INDEXES, TOTAL or NONE) of reads ({@code read}) or writes. */
    CapacityUnits(String mode, boolean read) {
        this.mode = mode;
        this.read = read;
    }

    boolean wanted() {
        return !mode.equals("NONE");
    }

    /** Units to read {@code bytes} in one request (a Query's items are summed before rounding). */
    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / READ_UNIT_BYTES));
        return consistent ? units : units / 2;
    }

    /** Units to write an item of {@code bytes}. */
    static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / WRITE_UNIT_BYTES));
    }

    /**
     * Units an item write costs {@code index}, by the rules of "Provisioned throughput considerations for global
     * secondary indexes" (local ones alike): an entry put or deleted is one write of its projected size; a
     * changed index key is two (the old entry deleted, the new one put); changed projected attributes under the
     * same index key are one write, of the larger entry, as for the table; no change to the entry, and an item in
     * the index neither before nor after, cost the index nothing.
     */
    static double indexWriteUnits(SecondaryIndex index, AttributeMap before, AttributeMap after) {
        AttributeMap old = before != null && index.covers(before) ? index.project(before) : null;
        AttributeMap now = after != null && index.covers(after) ? index.project(after) : null;
        if (old == null || now == null) {
            return old == null && now == null ? 0 : writeUnits(ItemSize.of(old == null ? now : old));
        }
        if (!index.sameIndexKey(old, now)) {
            return writeUnits(ItemSize.of(old)) + writeUnits(ItemSize.of(now));
        }
        if (old.toMap().equals(now.toMap())) {
            return 0;
        }
        return writeUnits(Math.max(ItemSize.of(old), ItemSize.of(now)));
    }

    void table(String table, double units) {
        tables.computeIfAbsent(table, t -> new Tally()).table += units;
    }

    /** Adds {@code units} read from {@code index} of {@code table}, or from the table when index is null. */
    void read(Table table, SecondaryIndex index, double units) {
        if (index == null) {
            table(table.name(), units);
        } else {
            index(table.name(), index.name(), index.definition().global(), units);
        }
    }

    void index(String table, String index, boolean global, double units) {
        Tally tally = tables.computeIfAbsent(table, t -> new Tally());
        (global ? tally.global : tally.local).merge(index, units, Double::sum);
    }

    /** The ConsumedCapacity of one table, or null when not asked for. */
    ObjectNode describe(String table) {
        if (!wanted()) {
            return null;
        }
        Tally tally = tables.getOrDefault(table, new Tally());
        double total = tally.table;
        for (double units : tally.global.values()) {
            total += units;
        }
        for (double units : tally.local.values()) {
            total += units;
        }
        ObjectNode node = NODES.objectNode();
        node.put("TableName", table);
        units(node, total);
        if (mode.equals("INDEXES")) {
            units(node.putObject("Table"), tally.table);
            indexes(node, "GlobalSecondaryIndexes", tally.global);
            indexes(node, "LocalSecondaryIndexes", tally.local);
        }
        return node;
    }

    /** The ConsumedCapacity list of a multi-table operation, or null. */
    com.fasterxml.jackson.databind.node.ArrayNode describeAll() {
        if (!wanted()) {
            return null;
        }
        com.fasterxml.jackson.databind.node.ArrayNode list = NODES.arrayNode();
        for (String table : tables.keySet()) {
            list.add(describe(table));
        }
        return list;
    }

    private void indexes(ObjectNode node, String member, Map<String, Double> indexes) {
        if (!indexes.isEmpty()) {
            ObjectNode byName = node.putObject(member);
            indexes.forEach((name, units) -> units(byName.putObject(name), units));
        }
    }

    private void units(ObjectNode node, double units) {
        node.put("CapacityUnits", units);
        node.put(read ? "ReadCapacityUnits" : "WriteCapacityUnits", units);
    }

    private static final class Tally {
        private double table;
        private final Map<String, Double> global = new LinkedHashMap<>();
        private final Map<String, Double> local = new LinkedHashMap<>();
    }
}
