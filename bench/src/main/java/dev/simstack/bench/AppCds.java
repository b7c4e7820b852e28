package dev.simstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A dynamic Application Class-Data Sharing archive (JDK 13+) for the fresh-JVM measurements: one training
 * run writes the classes it loaded at its exit ({@code -XX:ArchiveClassesAtExit}), later runs map them
 * instead of loading, parsing and verifying them ({@code -XX:SharedArchiveFile}). What a user gets by
 * adding those two flags to the test JVM or the launcher.
 */
record AppCds(Path archive) {

    static AppCds inTempDirectory(String name) throws IOException {
        Path directory = Files.createTempDirectory("simstack-cds");
        directory.toFile().deleteOnExit();
        return new AppCds(directory.resolve(name + ".jsa"));
    }

    /** The options of the training run. */
    List<String> training() {
        return List.of("-XX:ArchiveClassesAtExit=" + archive);
    }

    /** The options of a run that uses the archive; fails if the training run wrote none. */
    List<String> use() {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run wrote no class-data archive at " + archive);
        }
        archive.toFile().deleteOnExit();
        return List.of("-XX:SharedArchiveFile=" + archive);
    }
}
