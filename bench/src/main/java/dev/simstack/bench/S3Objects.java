package dev.simstack.bench;

import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * The S3 objects the benchmarks put and get: fixed pseudo-random bytes of each size (incompressible,
 * like real content), keyed {@code {size}/{name}} so that the floor knows which object a request
 * means, and the digests S3 answers for them.
 */
final class S3Objects {

    static final String BUCKET = "bench";
    /** 1 KiB and 1 MiB, the sizes the benchmark puts and gets. */
    static final int[] SIZES = {1024, 1024 * 1024};

    private S3Objects() {
    }

    /** The content of every object of {@code size} bytes. */
    static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    static String key(int size, String name) {
        return size + "/" + name;
    }

    /** The size a key names, or -1 if it names none. */
    static int sizeOf(String key) {
        int slash = key.indexOf('/');
        try {
            return slash < 0 ? -1 : Integer.parseInt(key.substring(0, slash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** S3's ETag of a single-part upload: the quoted hex MD5 of the content. */
    static String etag(byte[] content) {
        return "\"" + Payloads.md5Hex(content) + "\"";
    }

    /** {@code x-amz-checksum-crc32}: the base64 of the big-endian CRC32. */
    static String crc32(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        long value = crc.getValue();
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        return Base64.getEncoder().encodeToString(bytes);
    }
}
