package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.List;

/**
 * DynamoDB state for a data directory: every table of every region as its description (schema,
 * indexes, billing, stream specification, deletion protection), tags, Time to Live attribute, replica
 * regions and items. A table's description and items are read under its read lock, so no item is torn
 * and none is half-written; tables are not captured at one common instant.
 */
public final class DynamoDbSnapshots {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Members of a table or index description that CreateTable does not take. */
    private static final List<String> DESCRIBED_ONLY = List.of("TableStatus", "CreationDateTime", "TableSizeBytes",
            "ItemCount", "TableArn", "TableId", "BillingModeSummary", "LatestStreamLabel", "LatestStreamArn",
            "GlobalTableVersion", "Replicas", "IndexStatus", "IndexSizeBytes", "IndexArn", "ProvisionedThroughput");

    private DynamoDbSnapshots() {
    }

    public static ObjectNode export(DynamoDbService service) {
        ObjectNode json = NODES.objectNode();
        ArrayNode tables = json.putArray("tables");
        for (Table table : service.tables().all()) {
            ObjectNode node = tables.addObject();
            node.put("region", table.region());
            table.lock().readLock().lock();
            try {
                node.set("description", TableDescriptions.describe(table));
                ObjectNode tags = node.putObject("tags");
                table.tags().forEach(tags::put);
                node.put("timeToLiveAttribute", table.settings().ttlAttribute());
                ArrayNode replicas = node.putArray("replicas");
                List.copyOf(table.settings().replicas()).forEach(replicas::add);
                ArrayNode items = node.putArray("items");
                for (AttributeMap item : table.items()) {
                    items.add(AttributeValueCodec.writeItem(item));
                }
            } finally {
                table.lock().readLock().unlock();
            }
        }
        return json;
    }

    /**
     * Creates the snapshot's tables in an empty service with CreateTable's own rules and loads their items
     * (without stream records: loading is not a write).
     *
     * @return the number of tables and of items loaded
     */
    public static long[] restore(DynamoDbService service, JsonNode snapshot) {
        long tables = 0;
        long items = 0;
        for (JsonNode node : snapshot.path("tables")) {
            String region = node.path("region").asText();
            JsonNode description = node.path("description");
            service.invokeInternally("CreateTable", region, createTableInput(description, node.path("tags")));
            Table table = service.tables().find(region, description.path("TableName").asText());
            table.lock().writeLock().lock();
            try {
                for (JsonNode item : node.path("items")) {
                    table.put(AttributeValueCodec.readItem(item));
                    items++;
                }
            } finally {
                table.lock().writeLock().unlock();
            }
            node.path("replicas").forEach(replica -> table.settings().replicas().add(replica.asText()));
            String ttl = node.path("timeToLiveAttribute").asText(null);
            if (ttl != null) {
                table.settings().ttlAttribute(ttl);
                service.writer().timeToLive().trackAll(table);
            }
            tables++;
        }
        return new long[] {tables, items};
    }

    private static ObjectNode createTableInput(JsonNode description, JsonNode tags) {
        ObjectNode input = description.deepCopy();
        String billing = description.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED");
        boolean provisioned = billing.equals("PROVISIONED");
        input.remove(DESCRIBED_ONLY);
        input.put("BillingMode", billing);
        if (provisioned) {
            input.set("ProvisionedThroughput", capacity(description.path("ProvisionedThroughput")));
        }
        for (int i = 0; i < input.path("GlobalSecondaryIndexes").size(); i++) {
            ObjectNode index = (ObjectNode) input.path("GlobalSecondaryIndexes").get(i);
            JsonNode throughput = index.path("ProvisionedThroughput");
            index.remove(DESCRIBED_ONLY);
            if (provisioned) {
                index.set("ProvisionedThroughput", capacity(throughput));
            }
        }
        for (JsonNode index : input.path("LocalSecondaryIndexes")) {
            ((ObjectNode) index).remove(DESCRIBED_ONLY);
        }
        if (tags.size() > 0) {
            ArrayNode list = input.putArray("Tags");
            tags.fields().forEachRemaining(tag -> list.addObject().put("Key", tag.getKey())
                    .put("Value", tag.getValue().asText()));
        }
        return input;
    }

    private static ObjectNode capacity(JsonNode throughput) {
        return NODES.objectNode().put("ReadCapacityUnits", throughput.path("ReadCapacityUnits").asLong())
                .put("WriteCapacityUnits", throughput.path("WriteCapacityUnits").asLong());
    }
}
