package dev.simstack.core.internal.protocol;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * An answer body written to the wire in chunks from an already open stream (an S3 object that may be
 * larger than the heap). The front door closes the stream once written, or when the connection drops.
 *
 * @param length the exact number of bytes {@code stream} yields (the Content-Length)
 * @param stream the bytes, open at their first byte
 * @param memory the same bytes when they are in the heap already (immutable), so the front door can send
 *     them as they are, without copying them into chunks; else null
 */
public record StreamedAnswerBody(long length, InputStream stream, ByteBuffer memory) {

    /** A body read from {@code stream}. */
    public StreamedAnswerBody(long length, InputStream stream) {
        this(length, stream, null);
    }

    /** A body that is {@code length} bytes of {@code bytes} from {@code offset}, which nobody changes. */
    public static StreamedAnswerBody inMemory(byte[] bytes, int offset, int length) {
        return new StreamedAnswerBody(length, new ByteArrayInputStream(bytes, offset, length),
                ByteBuffer.wrap(bytes, offset, length).asReadOnlyBuffer());
    }
}
