package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.ScratchDirectory;
import dev.simstack.core.internal.protocol.SpooledBody;
import dev.simstack.core.internal.protocol.restxml.ChecksumAlgorithm;
import dev.simstack.core.internal.protocol.restxml.ContentDigests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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
    private static final int BUFFER = 64 * 1024;

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
            try (InputStream in = blob.open()) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    again.update(buffer, 0, n);
                }
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
        List<byte[]> pieces = new ArrayList<>();
        Path file = null;
        OutputStream out = null;
        long length = 0;
        byte[] current = new byte[expectedLength >= 0 && expectedLength <= MEMORY_LIMIT ? (int) expectedLength : BUFFER];
        byte[] spare = null;
        int filled = 0;
        try (InputStream source = in) {
            while (true) {
                if (filled == current.length) {
                    // Full: only once more content comes is it known whether it still fits in the heap.
                    byte[] next = spare != null ? spare : new byte[BUFFER];
                    int n = source.read(next);
                    if (n < 0) {
                        break;
                    }
                    if (out == null && length + n > MEMORY_LIMIT) {
                        file = scratch.newFile("object-");
                        out = Files.newOutputStream(file);
                        for (byte[] piece : pieces) {
                            out.write(piece);
                        }
                        pieces.clear();
                    }
                    if (out != null) {
                        out.write(current, 0, filled);
                        spare = current.length == BUFFER ? current : null;
                    } else {
                        pieces.add(current);
                        spare = null;
                    }
                    digests.update(next, 0, n);
                    current = next;
                    filled = n;
                    length += n;
                    continue;
                }
                int n = source.read(current, filled, current.length - filled);
                if (n < 0) {
                    break;
                }
                digests.update(current, filled, n);
                filled += n;
                length += n;
            }
            if (out != null) {
                out.write(current, 0, filled);
                out.close();
            }
        } catch (IOException e) {
            closeQuietly(out);
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(out);
            deleteQuietly(file);
            throw e;
        }
        ContentDigests.Result result = digests.finish();
        Blob blob = file != null ? Blob.onDisk(file, length) : Blob.inMemory(join(pieces, current, filled, length));
        return new Written(blob, result.md5(), result.checksums());
    }

    /** The pieces and the last buffer's filled part as one array: no copy if there was a single exact buffer. */
    private static byte[] join(List<byte[]> pieces, byte[] last, int filled, long length) {
        if (pieces.isEmpty() && filled == last.length) {
            return last;
        }
        byte[] all = new byte[(int) length];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, all, at, piece.length);
            at += piece.length;
        }
        System.arraycopy(last, 0, all, at, filled);
        return all;
    }

    private static void closeQuietly(OutputStream out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // The file is deleted next.
            }
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
