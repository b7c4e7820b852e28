package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.internal.services.dynamodb.CreateTableRequest.KeyElement;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.table.KeySchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a global secondary index's key schema with multi-attribute keys (AWS, November 2025): up to four
 * HASH elements, then up to four RANGE elements, each attribute defined as S, N or B and used once. A schema
 * of one HASH and at most one RANGE element keeps the two-element rules of {@link TableSchemas#keySchema}.
 */
final class MultiAttributeKeys {

    /** AWS's limit per key: four attributes make a partition key, four a sort key. */
    static final int MAX_PER_KEY = 4;

    private MultiAttributeKeys() {
    }

    /** True if {@code elements} has more than one HASH or more than one RANGE element. */
    static boolean isMultiAttribute(List<KeyElement> elements) {
        if (elements == null) {
            return false;
        }
        long hash = elements.stream().filter(e -> "HASH".equals(e.keyType())).count();
        long range = elements.stream().filter(e -> "RANGE".equals(e.keyType())).count();
        return hash > 1 || range > 1;
    }

    /** The key schema of GSI {@code index}, checked as AWS checks multi-attribute keys. */
    static KeySchema keySchema(String index, List<KeyElement> elements, String member,
            Map<String, String> definitions) {
        List<KeySchema.Element> hash = new ArrayList<>();
        List<KeySchema.Element> range = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            KeyElement element = elements.get(i);
            String name = element.attributeName();
            String type = element.keyType();
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
            if (type.equals("HASH") && !range.isEmpty()) {
                throw DynamoDbErrors.validation("Invalid KeySchema: HASH key elements must come before RANGE key "
                        + "elements, index: " + index);
            }
            if (!seen.add(name)) {
                throw DynamoDbErrors.validation("Invalid KeySchema: An attribute appears more than once in the "
                        + "KeySchema of index: " + index + ", attribute: " + name);
            }
            String defined = definitions.get(name);
            if (defined == null) {
                throw DynamoDbErrors.invalidParameters("Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: " + names(elements) + ", AttributeDefinitions: "
                        + definitions.keySet());
            }
            (type.equals("HASH") ? hash : range).add(new KeySchema.Element(name, AttributeValue.Type.valueOf(defined)));
        }
        if (hash.size() > MAX_PER_KEY || range.size() > MAX_PER_KEY) {
            boolean partition = hash.size() > MAX_PER_KEY;
            throw DynamoDbErrors.validation("Invalid KeySchema: A global secondary index may have at most "
                    + MAX_PER_KEY + " " + (partition ? "HASH" : "RANGE") + " key elements, index: " + index
                    + " has " + (partition ? hash.size() : range.size()));
        }
        return new KeySchema(hash, range);
    }

    private static List<String> names(List<KeyElement> elements) {
        List<String> names = new ArrayList<>();
        elements.forEach(element -> names.add(element.attributeName()));
        return names;
    }
}
