package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.internal.engine.Input;
import java.util.List;

/**
 * CreateTable's input as typed values, not yet validated: the wire decodes into it and in-process callers
 * (declared tables) build it, so both meet the same rules and messages in {@link TableOperations}. A
 * {@code null} member is one the request left out.
 *
 * @param billingMode PROVISIONED (AWS's default when null) or PAY_PER_REQUEST
 * @param stream the StreamSpecification, or null
 */
public record CreateTableRequest(String tableName, List<AttributeDefinition> attributeDefinitions,
        List<KeyElement> keySchema, List<IndexRequest> globalSecondaryIndexes,
        List<IndexRequest> localSecondaryIndexes, String billingMode, Throughput provisionedThroughput,
        StreamSpecification stream, boolean deletionProtection, List<Tag> tags) {

    /** One AttributeDefinitions entry: a name and S, N or B. */
    public record AttributeDefinition(String attributeName, String attributeType) {
    }

    /** One KeySchema element: an attribute and HASH or RANGE. */
    public record KeyElement(String attributeName, String keyType) {
    }

    /** A GlobalSecondaryIndexes or LocalSecondaryIndexes entry. */
    public record IndexRequest(String indexName, List<KeyElement> keySchema, Projection projection,
            Throughput provisionedThroughput) {
    }

    /** An index's Projection: ALL (when the type is null), KEYS_ONLY or INCLUDE with its attributes. */
    public record Projection(String projectionType, List<String> nonKeyAttributes) {
    }

    /** ProvisionedThroughput's capacity units. */
    public record Throughput(Integer readCapacityUnits, Integer writeCapacityUnits) {
    }

    /** StreamSpecification: whether a stream is on and its view type. */
    public record StreamSpecification(Boolean streamEnabled, String streamViewType) {
    }

    /** A tag of the new table. */
    public record Tag(String key, String value) {
    }

    /** Reads the request's members from the wire shape; wrongly typed members fail as the JSON front door does. */
    static CreateTableRequest decode(Input input) {
        Input stream = input.object("StreamSpecification");
        return new CreateTableRequest(input.string("TableName"), attributeDefinitions(input), keySchema(input), indexes(input, "GlobalSecondaryIndexes"), indexes(input, "LocalSecondaryIndexes"),
                input.string("BillingMode"), throughput(input),
                input.has("StreamSpecification") ? new StreamSpecification(stream.bool("StreamEnabled"),
                        stream.string("StreamViewType")) : null,
                Boolean.TRUE.equals(input.bool("DeletionProtectionEnabled")),
                input.objectList("Tags").stream().map(t -> new Tag(t.string("Key"), t.string("Value"))).toList());
    }

    static List<AttributeDefinition> attributeDefinitions(Input input) {
        return input.has("AttributeDefinitions") ? input.objectList("AttributeDefinitions").stream()
                .map(d -> new AttributeDefinition(d.string("AttributeName"), d.string("AttributeType"))).toList()
                : null;
    }

    static List<KeyElement> keySchema(Input input) {
        return input.has("KeySchema") ? input.objectList("KeySchema").stream()
                .map(k -> new KeyElement(k.string("AttributeName"), k.string("KeyType"))).toList() : null;
    }

    static IndexRequest index(Input index) {
        Input projection = index.object("Projection");
        return new IndexRequest(index.string("IndexName"), keySchema(index),
                index.has("Projection") ? new Projection(projection.string("ProjectionType"),
                        projection.stringList("NonKeyAttributes")) : null,
                throughput(index));
    }

    static Throughput throughput(Input input) {
        Input throughput = input.object("ProvisionedThroughput");
        return input.has("ProvisionedThroughput") ? new Throughput(throughput.integer("ReadCapacityUnits"),
                throughput.integer("WriteCapacityUnits")) : null;
    }

    private static List<IndexRequest> indexes(Input input, String member) {
        return input.has(member) ? input.objectList(member).stream().map(CreateTableRequest::index).toList() : null;
    }
}
