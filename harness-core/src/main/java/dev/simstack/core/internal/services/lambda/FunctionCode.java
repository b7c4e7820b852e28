package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.internal.engine.ScratchDirectory;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The code package of a function version, as CreateFunction or UpdateFunctionCode received it.
 *
 * @param sha256 the base64 SHA-256 of the package bytes ({@code CodeSha256})
 * @param size the package's size in bytes ({@code CodeSize})
 * @param directory where the package is unpacked in the stack's scratch directory, or null when the upload
 *     was not a zip and the handler is taken from the class path the stack was started with
 * @param archive the package as uploaded, kept in the scratch directory beside its unpacked files so that a
 *     data directory can save it; null when {@code directory} is
 */
record FunctionCode(String sha256, long size, Path directory, Path archive) {

    /** A function whose handler is a class on the class path (a declared one, or a placeholder upload). */
    static FunctionCode classPath(String sha256, long size) {
        return new FunctionCode(sha256 == null ? "" : sha256, size, null, null);
    }

    boolean unpacked() {
        return directory != null;
    }

    /** The package's SHA-256 in hex: the name a data directory's content-addressed blob store gives it. */
    String sha256Hex() {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(sha256));
    }

    /** Deletes the unpacked files and the kept package (the function or version that ran them is gone). */
    void deleteFiles() {
        if (directory != null) {
            ScratchDirectory.delete(directory);
        }
        if (archive != null) {
            ScratchDirectory.delete(archive);
        }
    }
}
