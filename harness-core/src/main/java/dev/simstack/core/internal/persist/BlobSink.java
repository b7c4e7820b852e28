package dev.simstack.core.internal.persist;

import java.nio.file.Path;

/**
 * Where a snapshot puts object bodies: a content-addressed directory shared by all snapshots, so a body
 * is written once however many snapshots reference it.
 */
public interface BlobSink {

    /** Stores {@code bytes} unless stored already; answers their SHA-256 hex, the blob's name. */
    String put(byte[] bytes);

    /**
     * Stores the content of {@code file} (hard-linked where the file system allows, else copied) unless
     * stored already; answers its SHA-256 hex.
     *
     * @param sha256 the content's SHA-256 hex if known (skips reading the file when the blob exists), or null
     */
    String put(Path file, String sha256);
}
