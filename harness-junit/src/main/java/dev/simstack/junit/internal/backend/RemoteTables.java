package dev.simstack.junit.internal.backend;

import dev.simstack.core.IndexSpec;
import dev.simstack.core.KeyAttribute;
import dev.simstack.core.TableSpec;
import dev.simstack.junit.internal.SdkClients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * Creates declared tables through DynamoDB's API, with their keys, indexes, billing, stream and time to live,
 * tagged with the run; waits until each is active, as AWS creates tables asynchronously.
 */
final class RemoteTables {

    private RemoteTables() {
    }

    static void create(List<TableSpec> specs, RemoteTarget target, SdkClients clients, RemoteResources resources) {
        for (TableSpec spec : specs) {
            String region = target.regionOf(spec.region());
            DynamoDbClient dynamo = (DynamoDbClient) clients.client(DynamoDbClient.class, region);
            String name = target.name(spec.name());
            dynamo.createTable(request(spec, name, target.runId()));
            resources.created("table", name, region, () -> dynamo.deleteTable(b -> b.tableName(name)));
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
            if (spec.timeToLiveAttribute() != null) {
                dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t.enabled(true)
                        .attributeName(spec.timeToLiveAttribute())));
            }
        }
    }

    private static CreateTableRequest request(TableSpec spec, String name, String runId) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .keySchema(keys(spec.partitionKey(), spec.sortKey(), attributes))
                .tags(Tag.builder().key(RemoteStack.RUN_TAG).value(runId).build());
        List<GlobalSecondaryIndex> globals = new ArrayList<>();
        for (IndexSpec index : spec.globalSecondaryIndexes()) {
            GlobalSecondaryIndex.Builder global = GlobalSecondaryIndex.builder().indexName(index.name())
                    .keySchema(keys(index.partitionKey(), index.sortKey(), attributes)).projection(projection(index));
            if (!spec.onDemand()) {
                global.provisionedThroughput(throughput(spec));
            }
            globals.add(global.build());
        }
        List<LocalSecondaryIndex> locals = new ArrayList<>();
        for (IndexSpec index : spec.localSecondaryIndexes()) {
            locals.add(LocalSecondaryIndex.builder().indexName(index.name())
                    .keySchema(keys(spec.partitionKey(), index.sortKey(), attributes)).projection(projection(index))
                    .build());
        }
        if (!globals.isEmpty()) {
            request.globalSecondaryIndexes(globals);
        }
        if (!locals.isEmpty()) {
            request.localSecondaryIndexes(locals);
        }
        if (spec.onDemand()) {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            request.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(spec));
        }
        if (spec.stream() != null) {
            request.streamSpecification(s -> s.streamEnabled(true).streamViewType(spec.stream().name()));
        }
        return request.attributeDefinitions(attributes.values()).build();
    }

    private static ProvisionedThroughput throughput(TableSpec spec) {
        return ProvisionedThroughput.builder().readCapacityUnits((long) spec.readCapacityUnits())
                .writeCapacityUnits((long) spec.writeCapacityUnits()).build();
    }

    /** The key schema of a table or index; its attributes join the table's definitions (each defined once). */
    private static List<KeySchemaElement> keys(KeyAttribute partition, KeyAttribute sort,
            Map<String, AttributeDefinition> attributes) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(key(partition, KeyType.HASH, attributes));
        if (sort != null) {
            schema.add(key(sort, KeyType.RANGE, attributes));
        }
        return schema;
    }

    private static KeySchemaElement key(KeyAttribute attribute, KeyType type,
            Map<String, AttributeDefinition> attributes) {
        attributes.putIfAbsent(attribute.name(), AttributeDefinition.builder().attributeName(attribute.name())
                .attributeType(attribute.type().name()).build());
        return KeySchemaElement.builder().attributeName(attribute.name()).keyType(type).build();
    }

    private static Projection projection(IndexSpec index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType().name());
        if (index.projectionType() == IndexSpec.ProjectionType.INCLUDE) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
    }
}
