package dev.simstack.core.internal.services.s3;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The parameters every S3 listing shares: prefix, delimiter, max-keys (default and cap 1,000) and
 * {@code encoding-type=url}, which makes S3 URL-encode keys and prefixes in the answer so that keys with
 * characters XML 1.0 cannot carry survive.
 */
record ListingParameters(String prefix, String delimiter, int maxKeys, boolean urlEncoded) {

    static final int MAX_KEYS = 1000;

    static ListingParameters of(S3Call call, String maxKeysParameter) {
        String prefix = call.query("prefix") == null ? "" : call.query("prefix");
        String delimiter = call.query("delimiter");
        String encoding = call.query("encoding-type");
        if (encoding != null && !encoding.equals("url")) {
            throw S3Errors.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encoding);
        }
        return new ListingParameters(prefix, delimiter == null || delimiter.isEmpty() ? null : delimiter,
                maxKeys(call.query(maxKeysParameter), maxKeysParameter), encoding != null);
    }

    private static int maxKeys(String text, String name) {
        if (text == null) {
            return MAX_KEYS;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0) {
                return Math.min(value, MAX_KEYS);
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw S3Errors.invalidArgument("Provided " + name + " not an integer or within integer range", name, text);
    }

    /** The common prefix {@code key} rolls up into, or null if it is listed itself. */
    String commonPrefix(String key) {
        if (delimiter == null) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    /** A key, prefix or marker as written in the answer. */
    String encode(String text) {
        return text == null || !urlEncoded ? text : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The value of EncodingType in the answer. */
    String encodingType() {
        return urlEncoded ? "url" : null;
    }
}
