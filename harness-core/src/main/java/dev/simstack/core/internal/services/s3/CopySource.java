package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code x-amz-copy-source} of CopyObject and UploadPartCopy: {@code bucket/key} or
 * {@code /bucket/key}, URL-encoded, optionally with {@code ?versionId=}.
 */
record CopySource(String bucket, String key, String versionId) {

    private static final Pattern COPY_RANGE = Pattern.compile("bytes=(\\d{1,18})-(\\d{1,18})");

    static CopySource parse(String header) {
        String source = header.startsWith("/") ? header.substring(1) : header;
        String versionId = null;
        int question = source.indexOf("?versionId=");
        if (question >= 0) {
            versionId = source.substring(question + "?versionId=".length());
            source = source.substring(0, question);
        }
        int slash = source.indexOf('/');
        if (slash <= 0 || slash == source.length() - 1) {
            throw S3Errors.invalidArgument("Invalid copy source object key", "x-amz-copy-source", header);
        }
        return new CopySource(decode(source.substring(0, slash), header), decode(source.substring(slash + 1), header),
                versionId);
    }

    private static String decode(String raw, String header) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw invalid(header);
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw invalid(header);
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static RestXmlError invalid(String header) {
        return S3Errors.invalidArgument("Invalid copy source encoding", "x-amz-copy-source", header);
    }

    /** The source version, the bytes to copy, and a stream over them opened under the source's lock. */
    record Read(ObjectVersion version, ByteRange range, InputStream bytes) {
    }

    /**
     * Finds the source, checks the copy conditions and opens its bytes, all under its bucket's lock, so a
     * concurrent delete cannot free the bytes first (NoSuchKey, NoSuchVersion as for a GET).
     *
     * @param rangeHeader {@code x-amz-copy-source-range} for UploadPartCopy, else null (the whole object)
     */
    Read open(S3Store store, S3Call call, String rangeHeader) {
        Bucket source = store.bucket(bucket);
        synchronized (source) {
            ObjectVersion version = VersionLookup.find(source, key, versionId);
            CustomerKeys.checkRead(version.content().headers(), call, CustomerKeys.COPY_SOURCE);
            checkConditions(call, version);
            ByteRange range = rangeHeader == null ? new ByteRange(0, version.size())
                    : copyRange(rangeHeader, version.size());
            return new Read(version, range, version.content().blob().open(range.first(), range.length()));
        }
    }

    /**
     * {@code bytes=first-last}, both required (else InvalidArgument saying so), and inside the source (else
     * InvalidArgument naming its size), as S3 answers UploadPartCopy.
     */
    private static ByteRange copyRange(String header, long size) {
        Matcher m = COPY_RANGE.matcher(header.trim());
        if (!m.matches() || Long.parseLong(m.group(2)) < Long.parseLong(m.group(1))) {
            throw S3Errors.invalidArgument("The x-amz-copy-source-range value must be of the form bytes=first-last"
                    + " where first and last are the zero-based offsets of the first and last bytes to copy",
                    "x-amz-copy-source-range", header);
        }
        if (Long.parseLong(m.group(2)) >= size) {
            throw S3Errors.invalidArgument("Range specified is not valid for source object of size: " + size,
                    "x-amz-copy-source-range", header);
        }
        long first = Long.parseLong(m.group(1));
        return new ByteRange(first, Long.parseLong(m.group(2)) - first + 1);
    }

    /**
     * The copy conditions ({@code x-amz-copy-source-if-*}), which fail with 412 PreconditionFailed, never
     * 304 (a copy has nothing to leave unmodified).
     */
    private static void checkConditions(S3Call call, ObjectVersion source) {
        java.time.Instant modified = source.lastModified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String ifMatch = call.header("x-amz-copy-source-if-match");
        String ifNoneMatch = call.header("x-amz-copy-source-if-none-match");
        java.time.Instant unmodifiedSince = S3Time.parseHttp(call.header("x-amz-copy-source-if-unmodified-since"));
        java.time.Instant modifiedSince = S3Time.parseHttp(call.header("x-amz-copy-source-if-modified-since"));
        if (ifMatch != null && !ReadConditions.etagMatches(ifMatch, source.etag())) {
            throw S3Errors.preconditionFailed("x-amz-copy-source-If-Match");
        }
        if (ifMatch == null && unmodifiedSince != null && modified.isAfter(unmodifiedSince)) {
            throw S3Errors.preconditionFailed("x-amz-copy-source-If-Unmodified-Since");
        }
        if (ifNoneMatch != null && ReadConditions.etagMatches(ifNoneMatch, source.etag())) {
            throw S3Errors.preconditionFailed("x-amz-copy-source-If-None-Match");
        }
        if (ifNoneMatch == null && modifiedSince != null && !modified.isAfter(modifiedSince)) {
            throw S3Errors.preconditionFailed("x-amz-copy-source-If-Modified-Since");
        }
    }
}
