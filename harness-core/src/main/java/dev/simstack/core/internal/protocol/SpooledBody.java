package dev.simstack.core.internal.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A request body the front door streamed to memory or, past a threshold, to a file in the stack's
 * scratch directory instead of aggregating it: S3 object bodies reach gigabytes, and holding them in the
 * heap (twice, once aggregated and once decoded) would make a 1 GiB upload need gigabytes of heap.
 */
public interface SpooledBody {

    /** The number of bytes received. */
    long length();

    /** Reads the bytes from the start; each call opens a fresh stream. */
    InputStream open() throws IOException;

    /**
     * Hands the spool's file over to the caller, who then owns (and must delete) it, so a plain upload
     * becomes an object without a copy; null if the body is held in memory or was already claimed.
     */
    Path claimFile();

    /** Frees the memory or deletes the file, unless claimed; harmless if called twice. */
    void discard();
}
