package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.ScratchDirectory;
import dev.simstack.core.internal.protocol.SpooledBody;
import dev.simstack.core.internal.protocol.ChecksumAlgorithm;
import dev.simstack.core.internal.protocol.ContentDigests;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Makes {@link Blob}s with the MD5 (S3's ETag of a single-part object) and the flexible checksums asked
 * for: from an upload the front door spooled (taken as it lies, its digests computed on arrival), or from
 * a stream (copies, joined parts), in one pass. Bytes stay in the heap up to {@link #MEMORY_LIMIT}, then
 * go to a scratch file.
 */
final class BlobWriter {

    static final int MEMORY_LIMIT = 1024 * 1024;

    /** What was written and its digests (base64 checksums by algorithm). */
    record Written(Blob blob, byte[] md5, Map<ChecksumAlgorithm, String> checksums) {
    }

    private final ScratchDirectory scratch;

    BlobWriter(ScratchDirectory scratch) {
        this.scratch = scratch;
    }

    /**
     * Takes over spooled content as a blob, without a copy. Its digests are the ones computed as it
     * arrived; only if those lack an algorithm asked for (one an upload requires but the request did not
     * name) is the content read once more.
     */
    Written take(SpooledBody.Content content, ContentDigests.Result arrived, Set<ChecksumAlgorithm> algorithms) {
        Blob blob = content.bytes() != null ? Blob.inMemory(content.bytes()) : Blob.onDisk(content.file(), content.length());
        ContentDigests.Result digests = arrived;
        if (digests == null || !digests.checksums().keySet().containsAll(algorithms)) {
            ContentDigests again = new ContentDigests(algorithms);
            try (InputStream in = new DigestingStream(blob.open(), again)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                blob.release();
                throw new UncheckedIOException(e);
            }
            digests = again.finish();
        }
        Map<ChecksumAlgorithm, String> checksums = new EnumMap<>(ChecksumAlgorithm.class);
        digests.checksums().forEach((algorithm, value) -> {
            if (algorithms.contains(algorithm)) {
                checksums.put(algorithm, value);
            }
        });
        return new Written(blob, digests.md5(), checksums);
    }

    /** Reads {@code in} to its end into a new blob. */
    Written write(InputStream in, Set<ChecksumAlgorithm> algorithms) {
        return write(in, algorithms, -1);
    }

    /**
     * Reads {@code in} to its end into a new blob; {@code expectedLength} (or -1 if unknown) lets a small
     * body be read straight into an array of its size.
     */
    Written write(InputStream in, Set<ChecksumAlgorithm> algorithms, long expectedLength) {
        ContentDigests digests = new ContentDigests(algorithms);
        try (InputStream source = new DigestingStream(in, digests)) {
            byte[] head = readHead(source, expectedLength);
            int next = source.read();
            Blob blob = next < 0 ? Blob.inMemory(head) : spill(head, next, source);
            ContentDigests.Result result = digests.finish();
            return new Written(blob, result.md5(), result.checksums());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Up to {@link #MEMORY_LIMIT} bytes: into an exact array when the length is known, else gathered. */
    private static byte[] readHead(InputStream source, long expectedLength) throws IOException {
        if (expectedLength >= 0 && expectedLength <= MEMORY_LIMIT) {
            byte[] exact = new byte[(int) expectedLength];
            int n = source.readNBytes(exact, 0, exact.length);
            return n == exact.length ? exact : Arrays.copyOf(exact, n);
        }
        return source.readNBytes(MEMORY_LIMIT);
    }

    /** A body longer than the heap limit: what was read, the next byte and the rest, in a scratch file. */
    private Blob spill(byte[] head, int next, InputStream rest) throws IOException {
        Path file = scratch.newFile("object-");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head);
            out.write(next);
            long length = head.length + 1 + rest.transferTo(out);
            return Blob.onDisk(file, length);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** Feeds every byte read through it to the digests. */
    private static final class DigestingStream extends FilterInputStream {
        private final ContentDigests digests;

        DigestingStream(InputStream in, ContentDigests digests) {
            super(in);
            this.digests = digests;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digests.update(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                digests.update(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) {
            return 0; // every byte must be digested: skipping is reading
        }
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
}
