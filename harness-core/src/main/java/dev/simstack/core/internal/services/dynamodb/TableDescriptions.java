package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.services.dynamodb.streams.StreamLog;
import dev.simstack.core.internal.services.dynamodb.table.IndexDefinition;
import dev.simstack.core.internal.services.dynamodb.table.KeySchema;
import dev.simstack.core.internal.services.dynamodb.table.SecondaryIndex;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import dev.simstack.core.internal.services.dynamodb.table.TableSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes a table as DescribeTable's {@code TableDescription}. */
final class TableDescriptions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TableDescriptions() {
    }

    static ObjectNode describe(Table table) {
        TableSettings settings = table.settings();
        ObjectNode node = NODES.objectNode();
        ArrayNode definitions = node.putArray("AttributeDefinitions");
        for (Map.Entry<String, String> definition : table.attributeDefinitions().entrySet()) {
            definitions.addObject().put("AttributeName", definition.getKey())
                    .put("AttributeType", definition.getValue());
        }
        node.put("TableName", table.name());
        node.set("KeySchema", keySchema(table.keys()));
        node.put("TableStatus", settings.status());
        node.put("CreationDateTime", epochSeconds(settings.created()));
        node.set("ProvisionedThroughput", throughput(settings.readCapacity(), settings.writeCapacity()));
        table.lock().readLock().lock();
        try {
            node.put("TableSizeBytes", table.sizeBytes());
            node.put("ItemCount", table.itemCount());
            node.put("TableArn", settings.arn());
            node.put("TableId", settings.tableId());
            node.putObject("BillingModeSummary").put("BillingMode", settings.billingMode());
            indexes(node, table);
        } finally {
            table.lock().readLock().unlock();
        }
        StreamLog stream = settings.stream();
        if (stream != null && stream.enabled()) {
            node.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", stream.viewType());
        }
        if (stream != null) {
            node.put("LatestStreamLabel", stream.label());
            node.put("LatestStreamArn", stream.arn());
        }
        List<String> replicas = List.copyOf(settings.replicas());
        if (!replicas.isEmpty()) {
            node.put("GlobalTableVersion", "2019.11.21");
            ArrayNode list = node.putArray("Replicas");
            for (String region : replicas) {
                list.addObject().put("RegionName", region).put("ReplicaStatus", "ACTIVE");
            }
        }
        node.put("DeletionProtectionEnabled", settings.deletionProtection());
        return node;
    }

    private static void indexes(ObjectNode node, Table table) {
        ArrayNode global = NODES.arrayNode();
        ArrayNode local = NODES.arrayNode();
        for (SecondaryIndex index : table.indexes()) {
            IndexDefinition definition = index.definition();
            ObjectNode entry = (definition.global() ? global : local).addObject();
            entry.put("IndexName", definition.name());
            entry.set("KeySchema", keySchema(definition.keys()));
            ObjectNode projection = entry.putObject("Projection").put("ProjectionType", definition.projectionType());
            if (!definition.nonKeyAttributes().isEmpty()) {
                ArrayNode attributes = projection.putArray("NonKeyAttributes");
                definition.nonKeyAttributes().forEach(attributes::add);
            }
            if (definition.global()) {
                entry.put("IndexStatus", index.status());
                entry.set("ProvisionedThroughput", throughput(definition.readCapacity(), definition.writeCapacity()));
            }
            entry.put("IndexSizeBytes", index.sizeBytes());
            entry.put("ItemCount", index.itemCount());
            entry.put("IndexArn", table.settings().arn() + "/index/" + definition.name());
        }
        if (!global.isEmpty()) {
            node.set("GlobalSecondaryIndexes", global);
        }
        if (!local.isEmpty()) {
            node.set("LocalSecondaryIndexes", local);
        }
    }

    static ArrayNode keySchema(KeySchema keys) {
        ArrayNode list = NODES.arrayNode();
        for (KeySchema.Element element : keys.hashAttributes()) {
            list.addObject().put("AttributeName", element.name()).put("KeyType", "HASH");
        }
        for (KeySchema.Element element : keys.rangeAttributes()) {
            list.addObject().put("AttributeName", element.name()).put("KeyType", "RANGE");
        }
        return list;
    }

    private static ObjectNode throughput(long read, long write) {
        return NODES.objectNode().put("NumberOfDecreasesToday", 0).put("ReadCapacityUnits", read)
                .put("WriteCapacityUnits", write);
    }

    static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
