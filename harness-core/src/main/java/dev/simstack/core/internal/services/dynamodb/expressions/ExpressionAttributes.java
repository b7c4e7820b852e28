package dev.simstack.core.internal.services.dynamodb.expressions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared by all
 * its expressions, which note each placeholder they use: DynamoDB refuses placeholders no expression
 * uses.
 */
public final class ExpressionAttributes {

    private static final Pattern NAME_KEY = Pattern.compile("#[A-Za-z0-9_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[A-Za-z0-9_]+");

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();
    private int expressions;

    public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = names;
        this.values = values;
    }

    /** No placeholders at all. */
    public static ExpressionAttributes none() {
        return new ExpressionAttributes(null, null);
    }

    /** Reads and checks both maps of a request (or of one entry of a batch or transaction). */
    public static ExpressionAttributes from(Input input) {
        return new ExpressionAttributes(readNames(input), readValues(input));
    }

    private static Map<String, String> readNames(Input input) {
        if (!input.has("ExpressionAttributeNames")) {
            return null;
        }
        Map<String, String> names = input.stringMap("ExpressionAttributeNames");
        if (names.isEmpty()) {
            throw DynamoDbErrors.validation("ExpressionAttributeNames must not be empty");
        }
        for (Map.Entry<String, String> entry : names.entrySet()) {
            if (!NAME_KEY.matcher(entry.getKey()).matches()) {
                throw DynamoDbErrors.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \""
                        + entry.getKey() + "\"");
            }
            if (entry.getValue().isEmpty()) {
                throw DynamoDbErrors.validation("ExpressionAttributeNames contains invalid value: Empty attribute name "
                        + "for key " + entry.getKey());
            }
        }
        return names;
    }

    private static Map<String, AttributeValue> readValues(Input input) {
        if (!input.has("ExpressionAttributeValues")) {
            return null;
        }
        JsonNode node = input.object("ExpressionAttributeValues").node();
        if (node.isEmpty()) {
            throw DynamoDbErrors.validation("ExpressionAttributeValues must not be empty");
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!VALUE_KEY.matcher(entry.getKey()).matches()) {
                throw DynamoDbErrors.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \""
                        + entry.getKey() + "\"");
            }
            try {
                values.put(entry.getKey(), AttributeValueCodec.read(entry.getValue()));
            } catch (AwsException e) {
                if (!e.code().equals("ValidationException")) {
                    throw e;
                }
                throw DynamoDbErrors.validation("ExpressionAttributeValues contains invalid value: " + e.getMessage()
                        + " for key " + entry.getKey());
            }
        }
        return values;
    }

    /** The attribute name of {@code placeholder}, noted as used; null if not defined. */
    String name(String placeholder) {
        String name = names == null ? null : names.get(placeholder);
        if (name != null) {
            usedNames.add(placeholder);
        }
        return name;
    }

    /** The value of {@code placeholder}, noted as used; null if not defined. */
    AttributeValue value(String placeholder) {
        AttributeValue value = values == null ? null : values.get(placeholder);
        if (value != null) {
            usedValues.add(placeholder);
        }
        return value;
    }

    void noteExpression() {
        expressions++;
    }

    /** Fails as DynamoDB does if a placeholder was given that no expression of the request used. */
    public void checkAllUsed() {
        if (expressions == 0) {
            if (names != null) {
                throw DynamoDbErrors.validation(
                        "ExpressionAttributeNames can only be specified when using expressions");
            }
            if (values != null) {
                throw DynamoDbErrors.validation(
                        "ExpressionAttributeValues can only be specified when using expressions");
            }
            return;
        }
        if (names != null && usedNames.size() < names.size()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + unused(names.keySet(), usedNames) + "}");
        }
        if (values != null && usedValues.size() < values.size()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + unused(values.keySet(), usedValues) + "}");
        }
    }

    private static String unused(Set<String> given, Set<String> used) {
        List<String> unused = new ArrayList<>();
        for (String key : given) {
            if (!used.contains(key)) {
                unused.add(key);
            }
        }
        Collections.sort(unused);
        return String.join(", ", unused);
    }
}
