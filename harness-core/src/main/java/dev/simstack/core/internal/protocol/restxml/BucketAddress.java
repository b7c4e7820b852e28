package dev.simstack.core.internal.protocol.restxml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which bucket and key a request names, in either of S3's addressing styles: virtual-hosted, where the
 * bucket is the first labels of the Host ({@code bucket.localhost}, {@code bucket.s3.localhost},
 * {@code bucket.s3.us-east-1.amazonaws.com}), or path-style ({@code /bucket/key}). The key is the rest of
 * the path, percent-decoded as UTF-8; {@code +} stays a plus and {@code %2F} a slash, as in S3's paths.
 *
 * @param bucket the bucket, or null for service-level requests (ListBuckets)
 * @param key the object key, or null for bucket-level requests
 */
public record BucketAddress(String bucket, String key) {

    private static final Pattern S3_HOST = Pattern.compile(
            "(.+)\\.s3(?:[.-][a-z0-9-]+)?\\.(?:amazonaws\\.com|localhost(?:\\.localstack\\.cloud)?)");
    private static final Pattern LOCAL_HOST = Pattern.compile("(.+)\\.localhost(?:\\.localstack\\.cloud)?");

    /** Reads the address of a request from its Host header and raw (still percent-encoded) path. */
    public static BucketAddress of(String hostHeader, String rawPath) {
        String virtualBucket = virtualHostedBucket(hostHeader);
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String rest = path.substring(1);
        if (virtualBucket != null) {
            return new BucketAddress(virtualBucket, rest.isEmpty() ? null : decode(rest));
        }
        if (rest.isEmpty()) {
            return new BucketAddress(null, null);
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new BucketAddress(decode(rest), null);
        }
        String key = rest.substring(slash + 1);
        return new BucketAddress(decode(rest.substring(0, slash)), key.isEmpty() ? null : decode(key));
    }

    /** The bucket named by the Host header, or null when the host is the bare endpoint (path-style). */
    static String virtualHostedBucket(String hostHeader) {
        if (hostHeader == null) {
            return null;
        }
        String host = stripPort(hostHeader.trim().toLowerCase(Locale.ROOT));
        Matcher s3 = S3_HOST.matcher(host);
        if (s3.matches()) {
            return s3.group(1);
        }
        Matcher local = LOCAL_HOST.matcher(host);
        if (local.matches() && !local.group(1).equals("s3") && !local.group(1).startsWith("s3.")) {
            return local.group(1);
        }
        return null;
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            return host; // an IPv6 literal is never a bucket
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Percent-decodes as UTF-8, strictly: a bad escape or invalid UTF-8 is S3's InvalidURI. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw invalidUri();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw invalidUri();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw invalidUri();
        }
    }

    private static RestXmlError invalidUri() {
        return new RestXmlError("InvalidURI", 400, "Couldn't parse the specified URI.");
    }
}
