package dev.simstack.core.internal.persist;

import java.nio.file.Path;

/** Where a snapshot being loaded keeps its object bodies; every blob was verified before the import began. */
public interface BlobSource {

    /** The file holding blob {@code sha256}; read it, never change or delete it. */
    Path file(String sha256);
}
