package dev.simstack.core.internal.resources;

import dev.simstack.core.AppliedResources.Outcome;
import dev.simstack.core.AppliedResources.Resource;
import dev.simstack.core.IndexSpec;
import dev.simstack.core.KeyAttribute;
import dev.simstack.core.TableSpec;
import dev.simstack.core.internal.services.dynamodb.CreateTableRequest;
import dev.simstack.core.internal.services.dynamodb.CreateTableRequest.AttributeDefinition;
import dev.simstack.core.internal.services.dynamodb.CreateTableRequest.IndexRequest;
import dev.simstack.core.internal.services.dynamodb.CreateTableRequest.KeyElement;
import dev.simstack.core.internal.services.dynamodb.CreateTableRequest.Projection;
import dev.simstack.core.internal.services.dynamodb.CreateTableRequest.StreamSpecification;
import dev.simstack.core.internal.services.dynamodb.CreateTableRequest.Throughput;
import dev.simstack.core.internal.services.dynamodb.DynamoDbService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Declared tables as DynamoDB creates them: CreateTable (so its rules and messages apply), then
 * UpdateTimeToLive, then one replica per replica region (UpdateTable's ReplicaUpdates Create). A table
 * that exists is kept, and only its missing replicas are created.
 */
final class DeclaredTables {

    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String GLOBAL_TABLE = "AWS::DynamoDB::GlobalTable";

    private DeclaredTables() {
    }

    static List<Resource> create(DynamoDbService dynamodb, TableSpec table, String region) {
        List<Resource> made = new ArrayList<>();
        String type = table.replicas().isEmpty() ? TABLE : GLOBAL_TABLE;
        boolean existed = dynamodb.hasTable(region, table.name());
        if (!existed) {
            Declaration.run(table, region, "CreateTable", () -> dynamodb.createTable(region, request(table)));
            if (table.timeToLiveAttribute() != null) {
                Declaration.run(table, region, "UpdateTimeToLive",
                        () -> dynamodb.enableTimeToLive(region, table.name(), table.timeToLiveAttribute()));
            }
        }
        made.add(new Resource(table.name(), type, region, table.name(), existed ? Outcome.EXISTED : Outcome.CREATED));
        Set<String> present = dynamodb.replicaRegions(region, table.name());
        for (String replica : table.replicas()) {
            boolean replicaExisted = present.contains(replica);
            if (!replicaExisted) {
                Declaration.run(table, region, "UpdateTable", () -> dynamodb.createReplica(region, table.name(),
                        replica));
            }
            made.add(new Resource(table.name(), GLOBAL_TABLE, replica, table.name(),
                    replicaExisted ? Outcome.EXISTED : Outcome.CREATED));
        }
        return made;
    }

    /** CreateTable's input for {@code table}; what the spec leaves out stays out, for CreateTable to judge. */
    static CreateTableRequest request(TableSpec table) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        define(definitions, table.partitionKey());
        define(definitions, table.sortKey());
        List<IndexRequest> global = indexes(table.globalSecondaryIndexes(), definitions, table, true);
        List<IndexRequest> local = indexes(table.localSecondaryIndexes(), definitions, table, false);
        return new CreateTableRequest(table.name(), definitions, keySchema(table.partitionKey(), table.sortKey()),
                global, local, table.onDemand() ? "PAY_PER_REQUEST" : "PROVISIONED", throughput(table),
                table.stream() == null ? null : new StreamSpecification(true, table.stream().name()), false, List.of());
    }

    private static List<IndexRequest> indexes(List<IndexSpec> indexes, List<AttributeDefinition> definitions,
            TableSpec table, boolean global) {
        if (indexes.isEmpty()) {
            return null;
        }
        List<IndexRequest> requests = new ArrayList<>();
        for (IndexSpec index : indexes) {
            define(definitions, index.partitionKey());
            define(definitions, index.sortKey());
            requests.add(new IndexRequest(index.name(), keySchema(index.partitionKey(), index.sortKey()),
                    new Projection(index.projectionType().name(), index.nonKeyAttributes()),
                    global ? throughput(table) : null));
        }
        return requests;
    }

    /**
     * Adds a key attribute's definition once; the same name with another type is added again, so that
     * CreateTable answers its own "two attributes with the same name" error.
     */
    private static void define(List<AttributeDefinition> definitions, KeyAttribute key) {
        if (key == null) {
            return;
        }
        AttributeDefinition definition = new AttributeDefinition(key.name(), key.type().name());
        if (!definitions.contains(definition)) {
            definitions.add(definition);
        }
    }

    private static List<KeyElement> keySchema(KeyAttribute partitionKey, KeyAttribute sortKey) {
        if (partitionKey == null) {
            return null;
        }
        List<KeyElement> elements = new ArrayList<>();
        elements.add(new KeyElement(partitionKey.name(), "HASH"));
        if (sortKey != null) {
            elements.add(new KeyElement(sortKey.name(), "RANGE"));
        }
        return elements;
    }

    private static Throughput throughput(TableSpec table) {
        return table.onDemand() ? null : new Throughput(table.readCapacityUnits(), table.writeCapacityUnits());
    }
}
