package dev.simstack.core.internal.server;

import dev.simstack.core.internal.engine.ScratchDirectory;
import dev.simstack.core.internal.protocol.SpooledBody;
import dev.simstack.core.internal.protocol.restxml.AwsChunkedDecoder;
import dev.simstack.core.internal.protocol.ContentDigests;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;

/**
 * A body kept in memory while small and written to a scratch file once it passes {@link #MEMORY_LIMIT}
 * (or at once, when its declared length already does), so the heap holds at most that much of any one
 * upload. An aws-chunked body is decoded on the way in, and an S3 PUT's MD5 and declared checksums are
 * computed on the way in, while the client is still sending: the service then takes the content as it
 * lies, with no second pass over it and no copy.
 */
final class FileSpool implements SpooledBody {

    /** Content up to this size stays in memory: most S3 objects in tests are small, and disk costs more. */
    static final int MEMORY_LIMIT = 1024 * 1024;
    private static final int SMALL_START = 8192;
    private static final int FILE_BUFFER = 64 * 1024;

    private final ScratchDirectory scratch;
    private final AwsChunkedDecoder decoder;
    private final ContentDigests digests;
    private final boolean straightToDisk;
    private ContentDigests.Result digested;
    private byte[] memory;
    private long length;
    private Path file;
    private FileChannel channel;
    private byte[] fileBuffer;
    private boolean claimed;

    /** A spool for {@code head}'s body; {@code upload}: an S3 upload, whose digests are computed on the way. */
    FileSpool(ScratchDirectory scratch, HttpRequest head, boolean upload) {
        this.scratch = scratch;
        HttpHeaders headers = head.headers();
        boolean chunked = AwsChunkedDecoder.isAwsChunked(headers);
        this.decoder = chunked ? new AwsChunkedDecoder(this::store) : null;
        this.digests = upload ? ContentDigests.forUpload(headers) : null;
        long expected = declaredLength(headers, chunked);
        // The declared length sizes the buffer exactly, so the content is never copied to grow it.
        this.straightToDisk = expected > MEMORY_LIMIT;
        int start = expected >= 0 && expected <= MEMORY_LIMIT ? (int) expected : SMALL_START;
        this.memory = new byte[straightToDisk ? 0 : start];
    }

    private static long declaredLength(HttpHeaders headers, boolean chunked) {
        String text = headers.get(chunked ? "x-amz-decoded-content-length" : "Content-Length");
        if (text == null) {
            return -1;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1; // the service answers the bad header
        }
    }

    /** Appends the readable bytes of {@code content} (decoding them first if aws-chunked). */
    void append(ByteBuf content) throws IOException {
        if (decoder != null) {
            decoder.feed(content);
        } else {
            store(content, content.readerIndex(), content.readableBytes());
        }
    }

    private void store(ByteBuf content, int index, int size) throws IOException {
        if (channel == null && (straightToDisk || length + size > MEMORY_LIMIT)) {
            moveToDisk();
        }
        if (channel != null) {
            for (int done = 0; done < size; ) {
                int n = Math.min(FILE_BUFFER, size - done);
                content.getBytes(index + done, fileBuffer, 0, n);
                digest(fileBuffer, 0, n);
                ByteBuffer out = ByteBuffer.wrap(fileBuffer, 0, n);
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                done += n;
            }
        } else {
            if (length + size > memory.length) {
                long grown = Math.max(memory.length * 2L, length + size);
                memory = Arrays.copyOf(memory, (int) Math.min(MEMORY_LIMIT, grown));
            }
            content.getBytes(index, memory, (int) length, size);
            digest(memory, (int) length, size);
        }
        length += size;
    }

    private void digest(byte[] bytes, int offset, int size) {
        if (digests != null) {
            digests.update(bytes, offset, size);
        }
    }

    private void moveToDisk() throws IOException {
        file = scratch.newFile("upload-");
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        fileBuffer = new byte[FILE_BUFFER];
        if (memory != null && length > 0) {
            ByteBuffer held = ByteBuffer.wrap(memory, 0, (int) length);
            while (held.hasRemaining()) {
                channel.write(held);
            }
        }
        memory = null;
    }

    /** Ends writing; the content can now be read. */
    void finish() throws IOException {
        if (decoder != null) {
            decoder.finish();
        }
        if (channel != null) {
            channel.close();
            fileBuffer = null;
        }
        if (digests != null) {
            digested = digests.finish();
        }
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public synchronized InputStream open() throws IOException {
        if (claimed) {
            throw new IOException("the spooled body was handed over");
        }
        if (file == null) {
            return new ByteArrayInputStream(memory, 0, (int) length);
        }
        return Files.newInputStream(file);
    }

    @Override
    public synchronized Content claim() {
        if (claimed || (file == null && memory == null)) { // handed over, or discarded
            return null;
        }
        claimed = true;
        if (file != null) {
            return new Content(null, file, length);
        }
        byte[] bytes = memory.length == length ? memory : Arrays.copyOf(memory, (int) length);
        memory = null;
        return new Content(bytes, null, length);
    }

    @Override
    public Map<String, String> trailers() {
        return decoder == null ? Map.of() : decoder.trailers();
    }

    @Override
    public RuntimeException framingError() {
        return decoder == null ? null : decoder.error();
    }

    @Override
    public ContentDigests.Result digests() {
        return digested;
    }

    @Override
    public synchronized void discard() {
        memory = null;
        try {
            if (channel != null) {
                channel.close();
            }
            if (file != null && !claimed) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // The scratch directory is deleted at stop anyway.
        }
    }
}
