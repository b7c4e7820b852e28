package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.services.dynamodb.CreateTableRequest.AttributeDefinition;
import dev.simstack.core.internal.services.dynamodb.CreateTableRequest.IndexRequest;
import dev.simstack.core.internal.services.dynamodb.CreateTableRequest.KeyElement;
import dev.simstack.core.internal.services.dynamodb.CreateTableRequest.Projection;
import dev.simstack.core.internal.services.dynamodb.CreateTableRequest.Throughput;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.table.IndexDefinition;
import dev.simstack.core.internal.services.dynamodb.table.KeySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the schema parts of CreateTable and UpdateTable: attribute definitions, key schemas, index
 * definitions with their projections and throughput, with AWS's messages for what is wrong.
 */
final class TableSchemas {

    private TableSchemas() {
    }

    /** AttributeDefinitions: name to S, N or B, in order. */
    static Map<String, String> attributeDefinitions(Input input) {
        return attributeDefinitions(CreateTableRequest.attributeDefinitions(input));
    }

    /** AttributeDefinitions as typed values; null when the request left them out. */
    static Map<String, String> attributeDefinitions(List<AttributeDefinition> given) {
        if (given == null) {
            throw DynamoDbErrors.constraint("null", "attributeDefinitions", "Member must not be null");
        }
        Map<String, String> definitions = new LinkedHashMap<>();
        for (AttributeDefinition definition : given) {
            String name = definition.attributeName();
            String type = definition.attributeType();
            if (name == null || name.isEmpty()) {
                throw DynamoDbErrors.constraint("null", "attributeDefinitions.member.attributeName",
                        "Member must not be null");
            }
            if (type == null || !(type.equals("S") || type.equals("N") || type.equals("B"))) {
                throw DynamoDbErrors.constraint(type == null ? "null" : "'" + type + "'",
                        "attributeDefinitions.member.attributeType", "Member must satisfy enum value set: [B, N, S]");
            }
            if (definitions.put(name, type) != null) {
                throw DynamoDbErrors.invalidParameters("Cannot have two attributes with the same name, attribute name: "
                        + name);
            }
        }
        return definitions;
    }

    /** A KeySchema list: a HASH element, then optionally a RANGE one, all defined in {@code definitions}. */
    static KeySchema keySchema(List<KeyElement> elements, String member, Map<String, String> definitions) {
        if (elements == null) {
            throw DynamoDbErrors.constraint("null", member, "Member must not be null");
        }
        if (elements.isEmpty() || elements.size() > 2) {
            throw DynamoDbErrors.constraint("'" + elements.size() + " elements'", member, elements.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 2");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            String name = elements.get(i).attributeName();
            String type = elements.get(i).keyType();
            if (name == null || type == null) {
                throw DynamoDbErrors.constraint("null", member + ".member." + (name == null ? "attributeName"
                        : "keyType"), "Member must not be null");
            }
            if (!type.equals("HASH") && !type.equals("RANGE")) {
                throw DynamoDbErrors.constraint("'" + type + "'", member + ".member.keyType",
                        "Member must satisfy enum value set: [HASH, RANGE]");
            }
            if (i == 0 && !type.equals("HASH")) {
                throw DynamoDbErrors.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
            }
            if (i == 1 && !type.equals("RANGE")) {
                throw DynamoDbErrors.validation(
                        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
            names.add(name);
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw DynamoDbErrors.validation("Invalid KeySchema: Both the Hash Key and the Range Key element in the "
                    + "KeySchema have the same name");
        }
        for (String name : names) {
            if (!definitions.containsKey(name)) {
                throw DynamoDbErrors.invalidParameters("Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: " + names + ", AttributeDefinitions: " + definitions.keySet());
            }
        }
        String range = names.size() == 2 ? names.get(1) : null;
        return new KeySchema(names.get(0), AttributeValue.Type.valueOf(definitions.get(names.get(0))), range,
                range == null ? null : AttributeValue.Type.valueOf(definitions.get(range)));
    }

    /** One GSI or LSI definition. */
    static IndexDefinition index(Input input, boolean global, Map<String, String> definitions, KeySchema table,
            boolean provisioned) {
        return index(CreateTableRequest.index(input), global, definitions, table, provisioned);
    }

    /** One GSI or LSI definition from typed values. */
    static IndexDefinition index(IndexRequest input, boolean global, Map<String, String> definitions,
            KeySchema table, boolean provisioned) {
        String kind = global ? "globalSecondaryIndexes" : "localSecondaryIndexes";
        String name = input.indexName();
        if (name == null) {
            throw DynamoDbErrors.constraint("null", kind + ".member.indexName", "Member must not be null");
        }
        Requests.checkName(name, kind + ".member.indexName");
        String member = kind + ".member.keySchema";
        KeySchema keys = global && MultiAttributeKeys.isMultiAttribute(input.keySchema())
                ? MultiAttributeKeys.keySchema(name, input.keySchema(), member, definitions)
                : keySchema(input.keySchema(), member, definitions);
        if (!global) {
            if (!table.hasRange()) {
                throw DynamoDbErrors.invalidParameters("Table KeySchema does not have a range key, which is required "
                        + "when specifying a LocalSecondaryIndex");
            }
            if (!keys.hashName().equals(table.hashName()) || !keys.hasRange()) {
                throw DynamoDbErrors.invalidParameters("Index KeySchema does not have the same leading hash key as "
                        + "table KeySchema for index: " + name + ". index hash key: " + keys.hashName()
                        + ", table hash key: " + table.hashName());
            }
        }
        Projection projection = input.projection();
        if (projection == null) {
            throw DynamoDbErrors.constraint("null", kind + ".member.projection", "Member must not be null");
        }
        String type = projection.projectionType();
        if (type == null) {
            type = "ALL";
        }
        if (!type.equals("ALL") && !type.equals("KEYS_ONLY") && !type.equals("INCLUDE")) {
            throw DynamoDbErrors.constraint("'" + type + "'", kind + ".member.projection.projectionType",
                    "Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
        }
        List<String> nonKey = projection.nonKeyAttributes() == null ? List.of() : projection.nonKeyAttributes();
        if (type.equals("INCLUDE") && nonKey.isEmpty()) {
            throw DynamoDbErrors.invalidParameters("NonKeyAttributes must not be empty when ProjectionType is INCLUDE");
        }
        if (!type.equals("INCLUDE") && !nonKey.isEmpty()) {
            throw DynamoDbErrors.invalidParameters("ProjectionType is " + type
                    + ", but NonKeyAttributes is specified");
        }
        long[] throughput = global ? throughput(input.provisionedThroughput(), provisioned) : new long[] {0, 0};
        return new IndexDefinition(name, global, keys, type, nonKey, throughput[0], throughput[1]);
    }

    /** ProvisionedThroughput as the billing mode requires it: read and write units, or none on demand. */
    static long[] throughput(Input input, boolean provisioned) {
        return throughput(CreateTableRequest.throughput(input), provisioned);
    }

    /** ProvisionedThroughput from typed values; null when the request left it out. */
    static long[] throughput(Throughput throughput, boolean provisioned) {
        boolean given = throughput != null;
        if (provisioned) {
            Integer read = given ? throughput.readCapacityUnits() : null;
            Integer write = given ? throughput.writeCapacityUnits() : null;
            if (read == null || write == null) {
                throw DynamoDbErrors.invalidParameters("ReadCapacityUnits and WriteCapacityUnits must both be "
                        + "specified when BillingMode is PROVISIONED");
            }
            if (read < 1 || write < 1) {
                throw DynamoDbErrors.validation("1 validation error detected: Value '" + Math.min(read, write)
                        + "' at 'provisionedThroughput." + (read < 1 ? "readCapacityUnits" : "writeCapacityUnits")
                        + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
            }
            return new long[] {read, write};
        }
        if (given) {
            throw DynamoDbErrors.invalidParameters("Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                    + "specified when BillingMode is PAY_PER_REQUEST");
        }
        return new long[] {0, 0};
    }
}
