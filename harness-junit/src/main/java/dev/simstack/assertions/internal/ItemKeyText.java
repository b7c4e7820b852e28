package dev.simstack.assertions.internal;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An item's primary key as the ledger writes it ({@code id=abc}, or {@code pk=a, sk=5} with a sort key),
 * read back into attribute names and value texts, and an item's key written the same way.
 */
public final class ItemKeyText {

    /** A sort key follows the partition key's value after ", name=", its name being one word. */
    private static final Pattern SORT_KEY = Pattern.compile(", ([A-Za-z0-9_.-]+)=");

    private ItemKeyText() {
    }

    /**
     * The attributes of a key text, by name, in order. A partition key value that itself contains
     * {@code ", word="} would be read as a sort key: such values are not told apart.
     */
    public static Map<String, String> parse(String key) {
        Map<String, String> attributes = new LinkedHashMap<>();
        int equals = key.indexOf('=');
        if (equals < 0) {
            attributes.put(key, "");
            return attributes;
        }
        String rest = key.substring(equals + 1);
        Matcher sort = SORT_KEY.matcher(rest);
        int last = -1;
        while (sort.find()) {
            last = sort.start();
        }
        if (last < 0) {
            attributes.put(key.substring(0, equals), rest);
        } else {
            Matcher at = SORT_KEY.matcher(rest);
            at.find(last);
            attributes.put(key.substring(0, equals), rest.substring(0, last));
            attributes.put(at.group(1), rest.substring(at.end()));
        }
        return attributes;
    }

    /** The key text of {@code item} for the key attributes {@code names}, as the ledger writes it. */
    public static String of(Map<String, Object> item, List<String> names) {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(name).append('=').append(valueText(item.get(name)));
        }
        return text.toString();
    }

    /** A value as the ledger writes a key's value: a string as is, a number in plain notation, bytes in base64. */
    public static String valueText(Object value) {
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return String.valueOf(value);
    }
}
