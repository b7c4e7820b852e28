package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.ScratchDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes incoming bytes into a {@link Blob} in one pass, computing on the way the MD5 (S3's ETag of a
 * single-part object) and the flexible checksums asked for. Bytes stay in the heap up to
 * {@link #MEMORY_LIMIT}, then go to a scratch file.
 */
final class BlobWriter {

    static final int MEMORY_LIMIT = 1024 * 1024;
    private static final int BUFFER = 64 * 1024;

    /** What was written and its digests (base64 checksums by algorithm). */
    record Written(Blob blob, byte[] md5, Map<ChecksumAlgorithm, String> checksums) {
    }

    private final ScratchDirectory scratch;

    BlobWriter(ScratchDirectory scratch) {
        this.scratch = scratch;
    }

    /** Reads {@code in} to its end into a new blob. */
    Written write(InputStream in, Set<ChecksumAlgorithm> algorithms) {
        Digests digests = new Digests(algorithms);
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        Path file = null;
        OutputStream out = memory;
        long length = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream source = in) {
            int n;
            while ((n = source.read(buffer)) >= 0) {
                digests.update(buffer, n);
                if (file == null && length + n > MEMORY_LIMIT) {
                    file = scratch.newFile("object-");
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                    memory = null;
                }
                out.write(buffer, 0, n);
                length += n;
            }
            out.close();
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        Blob blob = file == null ? Blob.inMemory(memory.toByteArray()) : Blob.onDisk(file, length);
        return digests.finish(blob);
    }

    /** Takes over {@code file} as a blob (no copy), reading it once for its digests. */
    Written adopt(Path file, Set<ChecksumAlgorithm> algorithms) {
        Digests digests = new Digests(algorithms);
        byte[] buffer = new byte[BUFFER];
        long length = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digests.update(buffer, n);
                length += n;
            }
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        }
        return digests.finish(Blob.onDisk(file, length));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // The scratch directory goes at stop anyway.
            }
        }
    }

    private static final class Digests {
        private final MessageDigest md5 = ChecksumAlgorithm.digest("MD5");
        private final Map<ChecksumAlgorithm, ChecksumAlgorithm.Running> running =
                new EnumMap<>(ChecksumAlgorithm.class);

        Digests(Set<ChecksumAlgorithm> algorithms) {
            algorithms.forEach(algorithm -> running.put(algorithm, algorithm.start()));
        }

        void update(byte[] buffer, int n) {
            md5.update(buffer, 0, n);
            running.values().forEach(r -> r.update(buffer, 0, n));
        }

        Written finish(Blob blob) {
            Map<ChecksumAlgorithm, String> checksums = new EnumMap<>(ChecksumAlgorithm.class);
            running.forEach((algorithm, r) -> checksums.put(algorithm, r.base64()));
            return new Written(blob, md5.digest(), checksums);
        }
    }
}
