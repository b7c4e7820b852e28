package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Every region's tables, each region created on first use: one endpoint serves every region. */
final class Tables {

    private final ConcurrentHashMap<String, ConcurrentSkipListMap<String, Table>> regions = new ConcurrentHashMap<>();

    /** The tables of {@code region} by name, in name order (ListTables' order). */
    NavigableMap<String, Table> region(String region) {
        ConcurrentSkipListMap<String, Table> tables = regions.get(region);
        return tables != null ? tables : regions.computeIfAbsent(region, r -> new ConcurrentSkipListMap<>());
    }

    /** Every table of every region, by region then name. */
    java.util.List<Table> all() {
        java.util.List<Table> all = new java.util.ArrayList<>();
        new java.util.TreeMap<>(regions).values().forEach(region -> all.addAll(region.values()));
        return all;
    }

    /** The table, or null. */
    Table find(String region, String name) {
        return region(region).get(name);
    }

    /**
     * The table an item operation addresses: it must exist and not be CREATING or DELETING, or AWS
     * answers ResourceNotFoundException.
     */
    Table forItems(String region, String name) {
        Table table = find(region, name);
        if (table == null || table.settings().status().equals("CREATING")
                || table.settings().status().equals("DELETING")) {
            throw DynamoDbErrors.resourceNotFound();
        }
        return table;
    }

    /** The table a control plane operation addresses, or AWS's "Table: x not found". */
    Table forControl(String region, String name) {
        Table table = find(region, name);
        if (table == null) {
            throw DynamoDbErrors.tableNotFound(name);
        }
        return table;
    }

    /** Adds {@code table} unless its name is taken; answers false if taken. */
    boolean add(Table table) {
        return region(table.region()).putIfAbsent(table.name(), table) == null;
    }

    /** Forgets every table of every region (a reset). */
    void clear() {
        regions.clear();
    }

    void remove(Table table) {
        region(table.region()).remove(table.name(), table);
    }
}
