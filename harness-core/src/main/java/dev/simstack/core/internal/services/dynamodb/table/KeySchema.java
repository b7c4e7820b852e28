package dev.simstack.core.internal.services.dynamodb.table;

import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.item.ItemSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key of a table or index: partition (HASH) attributes and sort (RANGE) attributes, each with its scalar
 * type from the attribute definitions. A table has one HASH and at most one RANGE attribute; a global
 * secondary index may have up to four of each (multi-attribute keys), its partition key being the tuple of
 * its HASH attributes and its sort key ordering by its RANGE attributes left to right.
 *
 * @param hashAttributes at least one
 * @param rangeAttributes empty for a partition key only
 */
public record KeySchema(List<Element> hashAttributes, List<Element> rangeAttributes) {

    /** One key attribute: its name and type. */
    public record Element(String name, AttributeValue.Type type) {
    }

    public KeySchema {
        hashAttributes = List.copyOf(hashAttributes);
        rangeAttributes = List.copyOf(rangeAttributes);
    }

    /** A key of one HASH attribute and an optional RANGE one ({@code rangeName} null for none). */
    public KeySchema(String hashName, AttributeValue.Type hashType, String rangeName, AttributeValue.Type rangeType) {
        this(List.of(new Element(hashName, hashType)),
                rangeName == null ? List.of() : List.of(new Element(rangeName, rangeType)));
    }

    /** The (first) HASH attribute's name: the table's partition key. */
    public String hashName() {
        return hashAttributes.get(0).name();
    }

    public AttributeValue.Type hashType() {
        return hashAttributes.get(0).type();
    }

    /** The (first) RANGE attribute's name, null if there is none. */
    public String rangeName() {
        return rangeAttributes.isEmpty() ? null : rangeAttributes.get(0).name();
    }

    public AttributeValue.Type rangeType() {
        return rangeAttributes.isEmpty() ? null : rangeAttributes.get(0).type();
    }

    public boolean hasRange() {
        return !rangeAttributes.isEmpty();
    }

    /** True if the partition or the sort key has more than one attribute (only a GSI's can). */
    public boolean multiAttribute() {
        return hashAttributes.size() > 1 || rangeAttributes.size() > 1;
    }

    /** Every key attribute: the HASH ones, then the RANGE ones, in schema order. */
    public List<Element> elements() {
        List<Element> all = new ArrayList<>(hashAttributes);
        all.addAll(rangeAttributes);
        return all;
    }

    public boolean isKeyAttribute(String name) {
        return elements().stream().anyMatch(element -> element.name().equals(name));
    }

    /** True if {@code item} has every key attribute (an index holds only such items). */
    public boolean presentIn(AttributeMap item) {
        return elements().stream().allMatch(element -> item.get(element.name()) != null);
    }

    /** True if {@code item} has every key attribute with its defined type. */
    public boolean typedIn(AttributeMap item) {
        return elements().stream().allMatch(element -> item.get(element.name()) != null
                && item.get(element.name()).type() == element.type());
    }

    /** The partition key of {@code item}: the values of the HASH attributes in order. */
    public List<AttributeValue> partition(AttributeMap item) {
        return values(item, hashAttributes);
    }

    /** The sort key of {@code item}: the values of the RANGE attributes in order (empty for none). */
    public List<AttributeValue> sort(AttributeMap item) {
        return values(item, rangeAttributes);
    }

    private static List<AttributeValue> values(AttributeMap item, List<Element> elements) {
        List<AttributeValue> values = new ArrayList<>(elements.size());
        for (Element element : elements) {
            values.add(item.get(element.name()));
        }
        return values;
    }

    public AttributeValue hash(AttributeMap item) {
        return item.get(hashName());
    }

    public AttributeValue range(AttributeMap item) {
        return hasRange() ? item.get(rangeName()) : null;
    }

    /** The key attributes of {@code item}. */
    public AttributeMap key(AttributeMap item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (Element element : elements()) {
            key.put(element.name(), item.get(element.name()));
        }
        return AttributeMap.of(key);
    }

    /** Checks that an item to write carries the table's key attributes with the defined types. */
    public void checkItem(AttributeMap item) {
        checkItemAttribute(item, hashName(), hashType());
        if (rangeName() != null) {
            checkItemAttribute(item, rangeName(), rangeType());
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
        AttributeValue hash = item.get(hashName());
        AttributeValue range = rangeName() == null ? null : item.get(rangeName());
        if (hash == null || hash.type() != hashType() || rangeName() != null && (range == null
                || range.type() != rangeType())) {
            throw DynamoDbErrors.validation("The provided key element does not match the schema");
        }
        checkNotEmpty(hashName(), hash);
        if (range != null) {
            checkNotEmpty(rangeName(), range);
        }
        checkSizes(hash, range);
    }

    /** Checks a {@code Key} parameter: exactly the key attributes, with the defined types. */
    public AttributeMap checkKey(AttributeMap key) {
        int expected = rangeName() == null ? 1 : 2;
        AttributeValue hash = key.get(hashName());
        AttributeValue range = rangeName() == null ? null : key.get(rangeName());
        if (key.size() != expected || hash == null || rangeName() != null && range == null
                || hash.type() != hashType() || range != null && range.type() != rangeType()) {
            throw DynamoDbErrors.validation("The provided key element does not match the schema");
        }
        checkNotEmpty(hashName(), hash);
        if (range != null) {
            checkNotEmpty(rangeName(), range);
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
        String text = hashName() + "=" + AttributeValueCodec.scalarText(item.get(hashName()));
        if (rangeName() != null) {
            text += ", " + rangeName() + "=" + AttributeValueCodec.scalarText(item.get(rangeName()));
        }
        return text;
    }
}
