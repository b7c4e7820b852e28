package dev.simstack.core.internal.protocol;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * S3's flexible checksums: each is sent and answered base64-encoded, big-endian, in
 * {@code x-amz-checksum-<name>} and in XML as {@code Checksum<NAME>}.
 */
public enum ChecksumAlgorithm {
    CRC32, CRC32C, CRC64NVME, SHA1, SHA256;

    /** The header carrying it, e.g. {@code x-amz-checksum-crc32}. */
    public String header() {
        return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
    }

    /** The XML element carrying it, e.g. {@code ChecksumCRC32}. */
    public String element() {
        return "Checksum" + name();
    }

    /** The algorithm named {@code name} (any case), or null. */
    public static ChecksumAlgorithm named(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A fresh running computation. */
    public Running start() {
        return switch (this) {
            case CRC32 -> new Crc(new CRC32(), 4);
            case CRC32C -> new Crc(new CRC32C(), 4);
            case CRC64NVME -> new Crc(new Crc64Nvme(), 8);
            case SHA1 -> new Digest(() -> digest("SHA-1"));
            case SHA256 -> new Digest(() -> digest("SHA-256"));
        };
    }

    /** The base64 checksum of {@code bytes}. */
    public String of(byte[] bytes) {
        Running running = start();
        running.update(bytes, 0, bytes.length);
        return running.base64();
    }

    public static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is part of every JDK", e);
        }
    }

    /** One checksum being computed over a stream. */
    public interface Running {
        void update(byte[] bytes, int offset, int length);

        byte[] value();

        default String base64() {
            return Base64.getEncoder().encodeToString(value());
        }
    }

    private record Crc(Checksum checksum, int bytes) implements Running {
        @Override
        public void update(byte[] data, int offset, int length) {
            checksum.update(data, offset, length);
        }

        @Override
        public byte[] value() {
            byte[] big = ByteBuffer.allocate(8).putLong(checksum.getValue()).array();
            byte[] value = new byte[bytes];
            System.arraycopy(big, 8 - bytes, value, 0, bytes);
            return value;
        }
    }

    private static final class Digest implements Running {
        private final MessageDigest digest;

        Digest(Supplier<MessageDigest> digest) {
            this.digest = digest.get();
        }

        @Override
        public void update(byte[] data, int offset, int length) {
            digest.update(data, offset, length);
        }

        @Override
        public byte[] value() {
            return digest.digest();
        }
    }
}
