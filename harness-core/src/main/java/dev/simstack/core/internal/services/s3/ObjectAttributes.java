package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers an object keeps from the request that wrote it: the standard content headers, the website
 * redirect location and encryption, user metadata ({@code x-amz-meta-*}, at most 2 KB) and its storage
 * class; and how they are answered.
 */
final class ObjectAttributes {

    /** Content headers S3 stores and returns, in the case S3 answers them. */
    static final String[] CONTENT_HEADERS = {"Content-Type", "Content-Encoding", "Content-Disposition",
        "Content-Language", "Cache-Control", "Expires"};
    static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    static final String WEBSITE_REDIRECT_LOCATION = "x-amz-website-redirect-location";
    private static final Set<String> STORAGE_CLASSES = Set.of("STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA",
            "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "OUTPOSTS", "GLACIER_IR", "SNOW",
            "EXPRESS_ONEZONE");
    private static final int METADATA_LIMIT = 2048;
    private static final String LOCK_HEADERS = "x-amz-object-lock-";

    private ObjectAttributes() {
    }

    /** The content headers of the request; {@code aws-chunked} is transport and is not kept as an encoding. */
    static Map<String, String> contentHeaders(S3Call call) {
        return contentHeaders(call::header);
    }

    /** The content headers from {@code values} (request headers, or the fields of a browser form). */
    static Map<String, String> contentHeaders(java.util.function.UnaryOperator<String> values) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : CONTENT_HEADERS) {
            String value = values.apply(name);
            if (name.equals("Content-Encoding") && value != null) {
                value = withoutAwsChunked(value);
            }
            if (value != null && !value.isEmpty()) {
                headers.put(name, value);
            }
        }
        headers.putIfAbsent("Content-Type", DEFAULT_CONTENT_TYPE);
        return headers;
    }

    private static String withoutAwsChunked(String encoding) {
        StringBuilder kept = new StringBuilder();
        for (String token : encoding.split(",")) {
            if (!token.trim().equalsIgnoreCase("aws-chunked") && !token.isBlank()) {
                kept.append(kept.length() == 0 ? "" : ",").append(token.trim());
            }
        }
        return kept.toString();
    }

    static Map<String, String> metadata(S3Call call) {
        return metadata(call.input().headers());
    }

    /** User metadata from lower-case {@code x-amz-meta-*} headers or form fields. */
    static Map<String, String> metadata(Map<String, String> headers) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().startsWith("x-amz-meta-")) {
                metadata.put(header.getKey().substring("x-amz-meta-".length()), header.getValue());
            }
        }
        return checkedMetadata(metadata);
    }

    /**
     * User metadata as S3 keeps it: names in lower case (they travel as HTTP headers), at most 2 KB of names
     * and values together (400 MetadataTooLarge).
     */
    static Map<String, String> checkedMetadata(Map<String, String> given) {
        Map<String, String> metadata = new LinkedHashMap<>();
        int size = 0;
        for (Map.Entry<String, String> entry : given.entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            metadata.put(name, entry.getValue());
            size += name.getBytes(StandardCharsets.UTF_8).length
                    + entry.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > METADATA_LIMIT) {
            throw new RestXmlError("MetadataTooLarge", 400, "Your metadata headers exceed the maximum allowed metadata"
                    + " size").with("Size", size).with("MaxSizeAllowed", METADATA_LIMIT);
        }
        return metadata;
    }

    static String storageClass(S3Call call) {
        return storageClass(call.header("x-amz-storage-class"));
    }

    static String storageClass(String storageClass) {
        if (storageClass == null) {
            return "STANDARD";
        }
        if (!STORAGE_CLASSES.contains(storageClass.toUpperCase(Locale.ROOT))) {
            throw new RestXmlError("InvalidStorageClass", 400, "The storage class you specified is not valid")
                    .with("StorageClassRequested", storageClass);
        }
        return storageClass.toUpperCase(Locale.ROOT);
    }

    /**
     * Every header a write stores: the content headers, and the ones S3 takes from each write, never from a
     * copy's source ({@code x-amz-website-redirect-location} and the encryption).
     */
    static Map<String, String> storedHeaders(S3Call call) {
        return withWriteHeaders(contentHeaders(call), call);
    }

    /** {@code content} (content headers only) with the write headers of {@code call}. */
    static Map<String, String> withWriteHeaders(Map<String, String> content, S3Call call) {
        Map<String, String> headers = new LinkedHashMap<>();
        content.forEach((name, value) -> {
            if (!name.equals(WEBSITE_REDIRECT_LOCATION) && !ObjectEncryption.isEncryptionHeader(name)
                    && !name.startsWith(LOCK_HEADERS)) {
                headers.put(name, value);
            }
        });
        String redirect = call.header(WEBSITE_REDIRECT_LOCATION);
        if (redirect != null) {
            // "Website redirect location must have a prefix of 'http://' or 'https://' or '/'" (PutObject).
            if (!redirect.startsWith("/") && !redirect.startsWith("http://") && !redirect.startsWith("https://")) {
                throw new RestXmlError("InvalidRedirectLocation", 400, "The website redirect location must have a "
                        + "prefix of 'http://' or 'https://' or '/'.");
            }
            headers.put(WEBSITE_REDIRECT_LOCATION, redirect);
        }
        Map<String, String> customerKey = CustomerKeys.forWrite(call);
        headers.putAll(ObjectEncryption.requested(call));
        headers.putAll(customerKey);
        // Carried to the commit, which turns them into the version's lock and drops them from its headers.
        ObjectLockActions.checkHeaders(call);
        for (String name : new String[] {ObjectLocks.MODE, ObjectLocks.RETAIN_UNTIL, ObjectLocks.LEGAL_HOLD}) {
            if (call.header(name) != null) {
                headers.put(name, call.header(name));
            }
        }
        return headers;
    }

    /** Writes the stored headers, metadata, storage class and checksums of {@code content} to {@code out}. */
    static void answer(ObjectVersion.StoredContent content, RestOutput out, boolean withChecksums) {
        content.headers().forEach(out::header);
        content.metadata().forEach((name, value) -> out.header("x-amz-meta-" + name, value));
        if (!content.storageClass().equals("STANDARD")) {
            out.header("x-amz-storage-class", content.storageClass());
        }
        if (withChecksums) {
            content.checksums().forEach((algorithm, value) -> out.header(algorithm.header(), value));
            out.header("x-amz-checksum-type", content.checksums().isEmpty() ? null : content.checksumType());
        }
        ObjectEncryption.answer(content.headers(), out);
    }
}
