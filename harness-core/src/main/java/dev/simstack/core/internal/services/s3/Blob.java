package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.StreamedAnswerBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of one object version or part: in the heap when small, in a file of the stack's scratch
 * directory when large. Immutable once written. A reader opens its stream at once, so a version deleted
 * while its bytes are being sent still sends them whole (an open file outlives its unlinking).
 */
final class Blob {

    private final byte[] bytes;
    private final Path file;
    private final long length;
    /** The SHA-256 hex a data directory stores these bytes under, once a snapshot has computed it. */
    private volatile String contentId;

    private Blob(byte[] bytes, Path file, long length) {
        this.bytes = bytes;
        this.file = file;
        this.length = length;
    }

    static Blob inMemory(byte[] bytes) {
        return new Blob(bytes, null, bytes.length);
    }

    static Blob onDisk(Path file, long length) {
        return new Blob(null, file, length);
    }

    long length() {
        return length;
    }

    /** A stream over {@code count} bytes from {@code from}, opened now. */
    InputStream open(long from, long count) {
        if (file == null) {
            return new ByteArrayInputStream(bytes, (int) from, (int) count);
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(from);
            return new BoundedStream(Channels.newInputStream(channel), count);
        } catch (IOException e) {
            throw new UncheckedIOException("SimStack lost the bytes of an object in " + file, e);
        }
    }

    /** The answer body of {@code count} bytes from {@code from}: the array itself when in the heap, else a stream. */
    StreamedAnswerBody answer(long from, long count) {
        return file == null ? StreamedAnswerBody.inMemory(bytes, (int) from, (int) count) : new StreamedAnswerBody(count,
                open(from, count));
    }

    InputStream open() {
        return open(0, length);
    }

    /** The bytes in memory: only for small blobs (tags and XML never go through here; copies of parts do). */
    byte[] readAll() {
        if (file == null) {
            return bytes;
        }
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores the bytes in a snapshot's blob directory (hashing them the first time only); answers their id. */
    String persist(dev.simstack.core.internal.persist.BlobSink sink) {
        String id = file == null ? sink.put(bytes) : sink.put(file, contentId);
        contentId = id;
        return id;
    }

    /** Frees the file; readers that opened it already keep reading. */
    void release() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // The scratch directory goes at stop anyway.
            }
        }
    }

    /** Stops after {@code remaining} bytes: a range of a file. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        /**
         * The bytes left: Netty's ChunkedStream sizes each chunk by {@code available()}, so answering 0 here
         * (InputStream's default) would make every chunk after the first a single byte.
         */
        @Override
        public int available() {
            return (int) Math.min(remaining, Integer.MAX_VALUE);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
