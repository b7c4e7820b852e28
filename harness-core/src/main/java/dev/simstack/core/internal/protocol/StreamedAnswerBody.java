package dev.simstack.core.internal.protocol;

import java.io.InputStream;

/**
 * An answer body written to the wire in chunks from an already open stream (an S3 object that may be
 * larger than the heap). The front door closes the stream once written, or when the connection drops.
 *
 * @param length the exact number of bytes {@code stream} yields (the Content-Length)
 * @param stream the bytes, open at their first byte
 */
public record StreamedAnswerBody(long length, InputStream stream) {
}
