package dev.simstack.core.internal.protocol.restxml;

import dev.simstack.core.AwsException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error in S3's REST-XML shape: besides code and message, S3 names what it was about in further
 * elements of {@code <Error>} ({@code <Key>}, {@code <BucketName>}, {@code <Condition>}), and some errors
 * carry headers ({@code x-amz-delete-marker} on a 404 for a deleted key).
 */
public class RestXmlError extends AwsException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> details = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public RestXmlError(String code, int status, String message) {
        super(code, status, message);
    }

    /** Adds an element after {@code <Message>}, e.g. {@code ("Key", "photos/1.jpg")}; null values are skipped. */
    public RestXmlError with(String element, Object value) {
        if (value != null) {
            details.put(element, String.valueOf(value));
        }
        return this;
    }

    /** Adds a response header. */
    public RestXmlError withHeader(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    public Map<String, String> details() {
        return Collections.unmodifiableMap(details);
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
