package dev.simstack.core.internal.server;

import dev.simstack.core.internal.engine.ScratchDirectory;
import dev.simstack.core.internal.protocol.SpooledBody;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A body kept in memory while small and moved to a scratch file once it passes {@link #MEMORY_LIMIT}, so
 * the heap holds at most that much of any one upload.
 */
final class FileSpool implements SpooledBody {

    /** Bodies up to this size stay in memory: most S3 objects in tests are small, and disk costs more. */
    static final int MEMORY_LIMIT = 1024 * 1024;

    private final ScratchDirectory scratch;
    private byte[] memory = new byte[8192];
    private long length;
    private Path file;
    private FileChannel channel;
    private boolean claimed;

    FileSpool(ScratchDirectory scratch) {
        this.scratch = scratch;
    }

    /** Appends the readable bytes of {@code content}. */
    void append(ByteBuf content) throws IOException {
        int size = content.readableBytes();
        if (channel == null && length + size > MEMORY_LIMIT) {
            moveToDisk();
        }
        if (channel != null) {
            ByteBuffer[] buffers = content.nioBuffers();
            for (ByteBuffer buffer : buffers) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } else {
            if (length + size > memory.length) {
                long grown = Math.max(memory.length * 2L, length + size);
                memory = Arrays.copyOf(memory, (int) Math.min(MEMORY_LIMIT, grown));
            }
            content.getBytes(content.readerIndex(), memory, (int) length, size);
        }
        length += size;
    }

    private void moveToDisk() throws IOException {
        file = scratch.newFile("upload-");
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        channel.write(ByteBuffer.wrap(memory, 0, (int) length));
        memory = null;
    }

    /** Ends writing; the body can now be read. */
    void finish() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public InputStream open() throws IOException {
        if (file == null) {
            return new ByteArrayInputStream(memory, 0, (int) length);
        }
        if (claimed) {
            throw new IOException("the spooled body was handed over");
        }
        return Files.newInputStream(file);
    }

    @Override
    public synchronized Path claimFile() {
        if (file == null || claimed) {
            return null;
        }
        claimed = true;
        return file;
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
