package dev.simstack.core.internal.services.dynamodb.table;

import java.util.List;

/**
 * A secondary index as declared: its name, key, projection and whether it is global.
 *
 * @param projectionType ALL, KEYS_ONLY or INCLUDE
 * @param nonKeyAttributes the attributes INCLUDE adds
 * @param readCapacity provisioned read capacity of a GSI, 0 for on-demand
 */
public record IndexDefinition(String name, boolean global, KeySchema keys, String projectionType,
        List<String> nonKeyAttributes, long readCapacity, long writeCapacity) {

    public IndexDefinition {
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }
}
