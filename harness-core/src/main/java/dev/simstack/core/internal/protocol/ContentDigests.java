package dev.simstack.core.internal.protocol;

import io.netty.handler.codec.http.HttpHeaders;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The MD5 (S3's ETag of a single-part object) and flexible checksums of content, computed in one pass
 * as it goes by, so an upload is hashed while it arrives rather than read again afterwards.
 */
public final class ContentDigests {

    /** The digests of some content: its MD5 and the checksums computed (base64, by algorithm). */
    public record Result(byte[] md5, Map<ChecksumAlgorithm, String> checksums) {
    }

    private final MessageDigest md5 = ChecksumAlgorithm.digest("MD5");
    private final Map<ChecksumAlgorithm, ChecksumAlgorithm.Running> running = new EnumMap<>(ChecksumAlgorithm.class);

    public ContentDigests(Set<ChecksumAlgorithm> algorithms) {
        algorithms.forEach(algorithm -> running.put(algorithm, algorithm.start()));
    }

    /**
     * Digests for an upload with these headers: MD5 and every checksum the headers name (an
     * {@code x-amz-checksum-*} header, {@code x-amz-sdk-checksum-algorithm}, or a checksum trailer
     * announced in {@code x-amz-trailer}). Unknown names are skipped: the service rejects them later.
     */
    public static ContentDigests forUpload(HttpHeaders headers) {
        Set<ChecksumAlgorithm> algorithms = EnumSet.noneOf(ChecksumAlgorithm.class);
        add(algorithms, headers.get("x-amz-sdk-checksum-algorithm"));
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            if (headers.contains(algorithm.header())) {
                algorithms.add(algorithm);
            }
        }
        String trailer = headers.get("x-amz-trailer");
        if (trailer != null) {
            for (String name : trailer.split(",")) {
                String trimmed = name.trim().toLowerCase(Locale.ROOT);
                if (trimmed.startsWith("x-amz-checksum-")) {
                    add(algorithms, trimmed.substring("x-amz-checksum-".length()));
                }
            }
        }
        return new ContentDigests(algorithms);
    }

    private static void add(Set<ChecksumAlgorithm> algorithms, String name) {
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(name);
        if (algorithm != null) {
            algorithms.add(algorithm);
        }
    }

    public void update(byte[] bytes, int offset, int length) {
        md5.update(bytes, offset, length);
        for (ChecksumAlgorithm.Running checksum : running.values()) {
            checksum.update(bytes, offset, length);
        }
    }

    /** The digests of everything given; this object is done with afterwards. */
    public Result finish() {
        Map<ChecksumAlgorithm, String> checksums = new EnumMap<>(ChecksumAlgorithm.class);
        running.forEach((algorithm, checksum) -> checksums.put(algorithm, checksum.base64()));
        return new Result(md5.digest(), checksums);
    }
}
