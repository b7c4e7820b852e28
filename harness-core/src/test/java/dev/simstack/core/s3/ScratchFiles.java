package dev.simstack.core.s3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Looks into stacks' scratch directories (in {@code java.io.tmpdir}) for the files of large S3 bodies: a
 * request body spooled to disk becomes its object's file as it is, so every {@code .bin} file counts.
 */
public final class ScratchFiles {

    private ScratchFiles() {
    }

    /** The scratch directory holding a file of {@code size} bytes, or null if none does. */
    public static Path directoryHolding(long size) throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            // Other files may start with the same prefix (a kept report), and other stacks' directories may go
            // away while listed: only directories still there count.
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("simstack-"))
                    .filter(Files::isDirectory).toList()) {
                try {
                    if (sizes(dir).contains(size)) {
                        return dir;
                    }
                } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException gone) {
                    // closed by its stack meanwhile
                }
            }
        }
        return null;
    }

    /** The sizes of the body files in a scratch directory. */
    public static List<Long> sizes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bin")).map(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return -1L; // deleted while listed
                }
            }).toList();
        }
    }
}
