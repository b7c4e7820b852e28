package dev.simstack.core.internal.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's own temporary directory, for request bodies spooled to disk, S3 objects too large for
 * the heap and the unpacked code of Lambda functions. Created on first use (a stack without S3 traffic never touches the disk) and deleted, with
 * everything in it, when the stack stops.
 */
public final class ScratchDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchDirectory.class);

    private final String name;
    private Path directory;
    private boolean closed;

    public ScratchDirectory(String name) {
        this.name = name;
    }

    /** A new empty file in the directory; the caller owns it and deletes it when done. */
    public Path newFile(String prefix) {
        try {
            return Files.createTempFile(directory(), prefix, ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException("SimStack could not create a scratch file in " + directory, e);
        }
    }

    /** A new empty directory in the directory (a function's unpacked code); the caller owns it. */
    public Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory(directory(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("SimStack could not create a scratch directory in " + directory, e);
        }
    }

    /** Deletes {@code path} (a file or a directory of this one) and everything in it; quietly, as at close. */
    public static void delete(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(ScratchDirectory::deleteQuietly);
        } catch (IOException e) {
            LOG.debug("could not clean up {}: {}", path, e.toString());
        }
    }

    private synchronized Path directory() throws IOException {
        if (closed) {
            throw new IOException("the stack has stopped");
        }
        if (directory == null) {
            directory = Files.createTempDirectory(name + "-");
        }
        return directory;
    }

    /** Deletes the directory and every file left in it. */
    @Override
    public synchronized void close() {
        closed = true;
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(ScratchDirectory::deleteQuietly);
        } catch (IOException e) {
            LOG.debug("could not clean up {}: {}", directory, e.toString());
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", path, e.toString());
        }
    }
}
