package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.Input;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A message's user attributes (or its system attributes), sorted by name as the MD5 digest needs them,
 * and validated as SendMessage does (SQS Developer Guide, "Amazon SQS message attributes"): at most 10,
 * names of up to 256 characters of {@code [A-Za-z0-9_.-]} not starting with {@code AWS.} or
 * {@code Amazon.}, types String, Number or Binary with an optional custom label, non-empty values.
 */
final class MessageAttributes {

    static final MessageAttributes NONE = new MessageAttributes(Collections.emptySortedMap());
    private static final int MAX_ATTRIBUTES = 10;
    private static final int MAX_NAME_LENGTH = 256;
    /** AWS: Number values have up to 38 digits of precision, between 10^-128 and 10^+126. */
    private static final int MAX_NUMBER_PRECISION = 38;

    private final SortedMap<String, MessageAttributeValue> values;

    private MessageAttributes(SortedMap<String, MessageAttributeValue> values) {
        this.values = values;
    }

    /** The user attributes of a send request's {@code MessageAttributes} member. */
    static MessageAttributes user(Map<String, Input> input) {
        if (input.isEmpty()) {
            return NONE;
        }
        if (input.size() > MAX_ATTRIBUTES) {
            throw SqsErrors.invalidParameterValue("Number of message attributes [" + input.size()
                    + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        SortedMap<String, MessageAttributeValue> values = new TreeMap<>();
        for (Map.Entry<String, Input> entry : input.entrySet()) {
            checkName(entry.getKey());
            values.put(entry.getKey(), value(entry.getKey(), entry.getValue(), "user"));
        }
        return new MessageAttributes(values);
    }

    /** The system attributes of a send request; only {@code AWSTraceHeader}, of type String, exists. */
    static MessageAttributes system(Map<String, Input> input) {
        if (input.isEmpty()) {
            return NONE;
        }
        SortedMap<String, MessageAttributeValue> values = new TreeMap<>();
        for (Map.Entry<String, Input> entry : input.entrySet()) {
            if (!entry.getKey().equals("AWSTraceHeader")) {
                throw SqsErrors.invalidParameterValue("Message system attribute name '" + entry.getKey()
                        + "' is invalid.");
            }
            MessageAttributeValue value = value(entry.getKey(), entry.getValue(), "system");
            if (!value.dataType().equals("String")) {
                throw SqsErrors.invalidParameterValue("The message system attribute 'AWSTraceHeader' must be of "
                        + "type String.");
            }
            values.put(entry.getKey(), value);
        }
        return new MessageAttributes(values);
    }

    private static void checkName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean valid = !name.isEmpty() && name.length() <= MAX_NAME_LENGTH && !name.startsWith(".")
                && !name.endsWith(".") && !name.contains("..") && !lower.startsWith("aws.")
                && !lower.startsWith("amazon.");
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                    || c == '.';
        }
        if (!valid) {
            throw SqsErrors.invalidParameterValue("Message (user) attribute name '" + name + "' is invalid. A name "
                    + "can contain alphanumeric characters, hyphens, underscores and periods, must not start or "
                    + "end with a period or have successive periods, must not start with AWS. or Amazon., and can "
                    + "be up to 256 characters long.");
        }
    }

    private static MessageAttributeValue value(String name, Input input, String kind) {
        String type = input.string("DataType");
        if (type == null || type.isEmpty()) {
            throw SqsErrors.invalidParameterValue("The message attribute '" + name
                    + "' must contain non-empty message attribute type.");
        }
        String base = baseType(name, type, kind);
        if (base.equals("Binary")) {
            byte[] bytes = input.blob("BinaryValue");
            if (bytes == null || bytes.length == 0) {
                throw emptyValue(name, type);
            }
            return new MessageAttributeValue(type, null, bytes);
        }
        String text = input.string("StringValue");
        if (text == null || text.isEmpty()) {
            throw emptyValue(name, type);
        }
        if (MessageCharacters.firstInvalid(text) >= 0) {
            throw SqsErrors.invalidParameterValue("Message (" + kind + ") attribute '" + name
                    + "' contains characters outside the allowed set.");
        }
        if (base.equals("Number")) {
            checkNumber(name, text);
        }
        return new MessageAttributeValue(type, text, null);
    }

    private static String baseType(String name, String type, String kind) {
        int dot = type.indexOf('.');
        String base = dot < 0 ? type : type.substring(0, dot);
        boolean labelled = dot < 0 || dot < type.length() - 1;
        if (!labelled || type.length() > MAX_NAME_LENGTH
                || !(base.equals("String") || base.equals("Number") || base.equals("Binary"))) {
            throw SqsErrors.invalidParameterValue("The type of message (" + kind + ") attribute '" + name
                    + "' is invalid. You must use only the following supported type prefixes: Binary, Number, String.");
        }
        return base;
    }

    private static void checkNumber(String name, String text) {
        try {
            BigDecimal number = new BigDecimal(text.trim());
            int magnitude = number.precision() - number.scale() - 1;
            if (number.precision() <= MAX_NUMBER_PRECISION && (number.signum() == 0
                    || magnitude <= 126 && magnitude >= -128)) {
                return;
            }
        } catch (NumberFormatException e) {
            // falls through to AWS's error
        }
        throw SqsErrors.invalidParameterValue("Could not cast message attribute '" + name + "' value to number.");
    }

    private static RuntimeException emptyValue(String name, String type) {
        return SqsErrors.invalidParameterValue("The message attribute '" + name
                + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
    }

    /** The attributes, name to value, sorted by name; read-only. */
    SortedMap<String, MessageAttributeValue> asMap() {
        return Collections.unmodifiableSortedMap(values);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The value of attribute {@code name}, or null. */
    MessageAttributeValue get(String name) {
        return values.get(name);
    }

    /** Every attribute by name, sorted; unmodifiable. */
    Map<String, MessageAttributeValue> values() {
        return Collections.unmodifiableSortedMap(values);
    }

    /** Bytes counted against MaximumMessageSize: every name, type and value. */
    int size() {
        int size = 0;
        for (Map.Entry<String, MessageAttributeValue> entry : values.entrySet()) {
            size += entry.getKey().getBytes(StandardCharsets.UTF_8).length + entry.getValue().size();
        }
        return size;
    }

    /** The MD5 digest the SDK checks, or null when there are no attributes (AWS then sends none). */
    String md5() {
        return values.isEmpty() ? null : MessageMd5.ofAttributes(values);
    }

    /**
     * The attributes a ReceiveMessage asked for by {@code MessageAttributeNames}: {@code All} or
     * {@code .*} for every one, {@code prefix.*} for those whose name starts with {@code prefix.}, else
     * exact names.
     */
    MessageAttributes select(List<String> names) {
        if (values.isEmpty() || names.isEmpty()) {
            return NONE;
        }
        SortedMap<String, MessageAttributeValue> selected = new TreeMap<>();
        for (String requested : names) {
            if (requested.equals("All") || requested.equals(".*")) {
                return this;
            }
            if (requested.endsWith(".*")) {
                String prefix = requested.substring(0, requested.length() - 1);
                values.forEach((name, value) -> {
                    if (name.startsWith(prefix)) {
                        selected.put(name, value);
                    }
                });
            } else if (values.containsKey(requested)) {
                selected.put(requested, values.get(requested));
            }
        }
        return selected.isEmpty() ? NONE : new MessageAttributes(selected);
    }

    ObjectNode toJson(JsonNodeFactory nodes) {
        ObjectNode json = nodes.objectNode();
        values.forEach((name, value) -> json.set(name, value.toJson(nodes)));
        return json;
    }
}
