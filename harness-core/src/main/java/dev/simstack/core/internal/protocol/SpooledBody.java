package dev.simstack.core.internal.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * A request body the front door streamed to memory or, past a threshold, to a file in the stack's
 * scratch directory instead of aggregating it: S3 object bodies reach gigabytes, and holding them in the
 * heap (twice, once aggregated and once decoded) would make a 1 GiB upload need gigabytes of heap. An
 * {@code aws-chunked} body is decoded as it arrives, so what is kept is the content, not the framing; an
 * upload's digests are computed on the way too.
 */
public interface SpooledBody {

    /** The content, handed over to its new owner: exactly its bytes in the heap, or a file of them. */
    record Content(byte[] bytes, Path file, long length) {
    }

    /** The number of content bytes (after aws-chunked framing, if any, was removed). */
    long length();

    /** Reads the content from the start; each call opens a fresh stream. */
    InputStream open() throws IOException;

    /**
     * Hands the content over without a copy, so an upload becomes an object as it is: the caller then owns
     * the file (and must delete it). Null if already handed over.
     */
    Content claim();

    /** The aws-chunked trailers (lower-case names); empty if the body was not aws-chunked. */
    Map<String, String> trailers();

    /** The aws-chunked framing error (S3's own error), or null if the framing was whole or absent. */
    RuntimeException framingError();

    /** The upload's MD5 and declared checksums, computed as it arrived; null if not computed (not a PUT that may be S3's). */
    ContentDigests.Result digests();

    /** Frees the memory or deletes the file, unless claimed; harmless if called twice. */
    void discard();
}
