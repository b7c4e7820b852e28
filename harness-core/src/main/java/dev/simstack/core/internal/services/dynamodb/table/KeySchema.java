package dev.simstack.core.internal.services.dynamodb.table;

import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key of a table or index: a partition (HASH) attribute and an optional sort (RANGE) attribute, each
 * with its scalar type from the attribute definitions.
 *
 * @param rangeName null for a partition key only
 */
public record KeySchema(String hashName, AttributeValue.Type hashType, String rangeName,
        AttributeValue.Type rangeType) {

    public boolean hasRange() {
        return rangeName != null;
    }

    public boolean isKeyAttribute(String name) {
        return name.equals(hashName) || name.equals(rangeName);
    }

    public AttributeValue hash(AttributeMap item) {
        return item.get(hashName);
    }

    public AttributeValue range(AttributeMap item) {
        return rangeName == null ? null : item.get(rangeName);
    }

    /** The key attributes of {@code item}. */
    public AttributeMap key(AttributeMap item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(hashName, item.get(hashName));
        if (rangeName != null) {
            key.put(rangeName, item.get(rangeName));
        }
        return AttributeMap.of(key);
    }

    /** Checks that an item to write carries the table's key attributes with the defined types. */
    public void checkItem(AttributeMap item) {
        checkItemAttribute(item, hashName, hashType);
        if (rangeName != null) {
            checkItemAttribute(item, rangeName, rangeType);
        }
        checkSizes(hash(item), range(item));
    }

    private static void checkItemAttribute(AttributeMap item, String name, AttributeValue.Type type) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw DynamoDbErrors.invalidParameters("Missing the key " + name + " in the item");
        }
        if (value.type() != type) {
            throw DynamoDbErrors.invalidParameters("Type mismatch for key " + name + " expected: " + type + " actual: "
                    + value.type());
        }
        checkNotEmpty(name, value);
    }

    /**
     * Checks the key attributes of a whole item as BatchWriteItem does: a missing or mistyped key
     * attribute is a schema mismatch there, not PutItem's "Missing the key" or "Type mismatch".
     */
    public void checkKeyOf(AttributeMap item) {
        AttributeValue hash = item.get(hashName);
        AttributeValue range = rangeName == null ? null : item.get(rangeName);
        if (hash == null || hash.type() != hashType || rangeName != null && (range == null
                || range.type() != rangeType)) {
            throw DynamoDbErrors.validation("The provided key element does not match the schema");
        }
        checkNotEmpty(hashName, hash);
        if (range != null) {
            checkNotEmpty(rangeName, range);
        }
        checkSizes(hash, range);
    }

    /** Checks a {@code Key} parameter: exactly the key attributes, with the defined types. */
    public AttributeMap checkKey(AttributeMap key) {
        int expected = rangeName == null ? 1 : 2;
        AttributeValue hash = key.get(hashName);
        AttributeValue range = rangeName == null ? null : key.get(rangeName);
        if (key.size() != expected || hash == null || rangeName != null && range == null || hash.type() != hashType
                || range != null && range.type() != rangeType) {
            throw DynamoDbErrors.validation("The provided key element does not match the schema");
        }
        checkNotEmpty(hashName, hash);
        if (range != null) {
            checkNotEmpty(rangeName, range);
        }
        checkSizes(hash, range);
        return key;
    }

    /** DynamoDB caps a partition key value at 2048 bytes and a sort key value at 1024. */
    private static final int MAX_HASH_BYTES = 2048;
    private static final int MAX_RANGE_BYTES = 1024;

    private void checkSizes(AttributeValue hash, AttributeValue range) {
        if (ItemSize.of(hash) > MAX_HASH_BYTES) {
            // sic: AWS's message has no space in "limit of2048"
            throw DynamoDbErrors.invalidParameters("Size of hashkey has exceeded the maximum size limit of2048 bytes");
        }
        if (range != null && ItemSize.of(range) > MAX_RANGE_BYTES) {
            throw DynamoDbErrors.invalidParameters(
                    "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
    }

    static void checkNotEmpty(String name, AttributeValue value) {
        if (value instanceof AttributeValue.S && ((AttributeValue.S) value).value().isEmpty()) {
            throw DynamoDbErrors.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty string value. Key: " + name);
        }
        if (value instanceof AttributeValue.B && ((AttributeValue.B) value).bytes().length == 0) {
            throw DynamoDbErrors.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty binary value. Key: " + name);
        }
    }

    /** The key compactly, for the ledger: {@code id=abc} or {@code pk=a, sk=5}. */
    public String describe(AttributeMap item) {
        String text = hashName + "=" + AttributeValueCodec.scalarText(item.get(hashName));
        if (rangeName != null) {
            text += ", " + rangeName + "=" + AttributeValueCodec.scalarText(item.get(rangeName));
        }
        return text;
    }
}
