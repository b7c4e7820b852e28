package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * DynamoDB state for a data directory: every table of every region as its description (schema,
 * indexes, billing, stream specification, deletion protection), tags, Time to Live attribute, replica
 * regions and items. A table's description and items are read under its read lock, so no item is torn
 * and none is half-written; tables are not captured at one common instant.
 */
public final class DynamoDbSnapshots {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
            service.createTable(region, createTableRequest(description, node.path("tags")));
            Table table = service.tables().find(region, description.path("TableName").asText());
            String label = description.path("LatestStreamLabel").asText(null);
            if (label != null && table.settings().stream() != null) {
                // The stream keeps its label, so its ARN, which stream event source mappings name, is unchanged.
                table.settings().stream(TableUpdates.stream(table.settings(), label,
                        table.settings().stream().viewType()));
            }
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

    /**
     * CreateTable's input for the table {@code description} describes: what DescribeTable reports about
     * its schema, indexes, billing, stream and deletion protection, with its tags. Provisioned capacity is
     * kept only for a PROVISIONED table, as CreateTable refuses it for an on-demand one.
     */
    private static CreateTableRequest createTableRequest(JsonNode description, JsonNode tags) {
        String billing = description.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED");
        boolean provisioned = billing.equals("PROVISIONED");
        JsonNode stream = description.path("StreamSpecification");
        List<CreateTableRequest.Tag> tagList = new ArrayList<>();
        tags.fields().forEachRemaining(tag -> tagList.add(new CreateTableRequest.Tag(tag.getKey(),
                tag.getValue().asText())));
        return new CreateTableRequest(description.path("TableName").asText(),
                list(description.path("AttributeDefinitions"), definition -> new CreateTableRequest.AttributeDefinition(
                        definition.path("AttributeName").asText(), definition.path("AttributeType").asText())),
                keySchema(description.path("KeySchema")),
                indexes(description.path("GlobalSecondaryIndexes"), provisioned),
                indexes(description.path("LocalSecondaryIndexes"), false), billing,
                provisioned ? throughput(description.path("ProvisionedThroughput")) : null,
                stream.isMissingNode() ? null : new CreateTableRequest.StreamSpecification(
                        stream.path("StreamEnabled").asBoolean(), stream.path("StreamViewType").asText(null)),
                description.path("DeletionProtectionEnabled").asBoolean(), tagList);
    }

    /** The indexes described, or null when there are none (CreateTable refuses an empty list). */
    private static List<CreateTableRequest.IndexRequest> indexes(JsonNode described, boolean provisioned) {
        List<CreateTableRequest.IndexRequest> indexes = list(described, index -> {
            JsonNode projection = index.path("Projection");
            return new CreateTableRequest.IndexRequest(index.path("IndexName").asText(),
                    keySchema(index.path("KeySchema")), new CreateTableRequest.Projection(
                            projection.path("ProjectionType").asText(null),
                            list(projection.path("NonKeyAttributes"), JsonNode::asText)),
                    provisioned ? throughput(index.path("ProvisionedThroughput")) : null);
        });
        return indexes.isEmpty() ? null : indexes;
    }

    private static List<CreateTableRequest.KeyElement> keySchema(JsonNode described) {
        return list(described, key -> new CreateTableRequest.KeyElement(key.path("AttributeName").asText(),
                key.path("KeyType").asText()));
    }

    private static CreateTableRequest.Throughput throughput(JsonNode throughput) {
        return new CreateTableRequest.Throughput(throughput.path("ReadCapacityUnits").asInt(),
                throughput.path("WriteCapacityUnits").asInt());
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        List<T> list = new ArrayList<>();
        array.forEach(node -> list.add(element.apply(node)));
        return list;
    }
}
