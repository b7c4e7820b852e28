package dev.simstack.core.internal.services.lambda;

import java.nio.file.Path;

/**
 * The code package of a function version, as CreateFunction or UpdateFunctionCode received it.
 *
 * @param sha256 the base64 SHA-256 of the package bytes ({@code CodeSha256})
 * @param size the package's size in bytes ({@code CodeSize})
 * @param directory where the package is unpacked in the stack's scratch directory, or null when the upload
 *     was not a zip and the handler is taken from the class path the stack was started with
 */
record FunctionCode(String sha256, long size, Path directory) {

    /** A function whose handler is a class on the class path (a declared one, or one reloaded from disk). */
    static FunctionCode classPath(String sha256, long size) {
        return new FunctionCode(sha256 == null ? "" : sha256, size, null);
    }

    boolean unpacked() {
        return directory != null;
    }
}
