package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single HTTP byte range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) resolved against an
 * object's size. As S3 does, a header that is not a single well-formed byte range is ignored (the whole
 * object is answered); a well-formed range that starts past the end is 416 InvalidRange.
 *
 * @param first the first byte
 * @param length how many bytes
 */
record ByteRange(long first, long length) {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    long last() {
        return first + length - 1;
    }

    /** The range, or null to answer the whole object. */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    throw invalid(header, size);
                }
                long length = Math.min(suffix, size);
                return size == 0 ? null : new ByteRange(size - length, length);
            }
            long first = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
                return null; // not a valid byte-range-spec: ignored
            }
            if (first >= size) {
                throw invalid(header, size);
            }
            long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
            return new ByteRange(first, Math.min(last, size - 1) - first + 1);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static RestXmlError invalid(String header, long size) {
        return new RestXmlError("InvalidRange", 416, "The requested range is not satisfiable")
                .with("RangeRequested", header).with("ActualObjectSize", size)
                .withHeader("Content-Range", "bytes */" + size);
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last() + "/" + size;
    }
}
