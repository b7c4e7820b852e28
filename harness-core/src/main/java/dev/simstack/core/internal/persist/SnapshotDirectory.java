package dev.simstack.core.internal.persist;

import dev.simstack.core.internal.protocol.json.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A data directory: finished snapshots named {@code snapshot-<sequence>}, snapshots being written in
 * {@code tmp-*} directories, and the content-addressed {@code blobs/} they share. A snapshot becomes
 * visible only by the atomic rename of its finished temporary directory, so a reader sees whole
 * snapshots or none; one that fails verification (a torn disk write, a damaged file) is skipped for the
 * one before it. The newest two snapshots are kept, so a damaged newest one still leaves a good one.
 */
public final class SnapshotDirectory {

    static final String SNAPSHOT_PREFIX = "snapshot-";
    static final String TEMP_PREFIX = "tmp-";
    static final String BLOBS = "blobs";
    private static final int KEPT = 2;

    private final Path root;
    private final JsonTrees json = new JsonTrees();

    public SnapshotDirectory(Path root) {
        this.root = root.toAbsolutePath();
        try {
            Files.createDirectories(this.root.resolve(BLOBS));
        } catch (IOException e) {
            throw new UncheckedIOException("SimStack cannot use " + this.root + " as its data directory", e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * The newest snapshot that verifies completely; each newer one that does not is reported to
     * {@code warnings} with the reason and skipped. Temporary directories are never considered.
     */
    public Optional<LoadedSnapshot> newest(Consumer<String> warnings) {
        return olderThan(Long.MAX_VALUE, warnings);
    }

    /** Like {@link #newest}, among the snapshots numbered below {@code sequence}. */
    public Optional<LoadedSnapshot> olderThan(long sequence, Consumer<String> warnings) {
        for (Path candidate : snapshots(Comparator.reverseOrder())) {
            if (sequenceOf(candidate) >= sequence) {
                continue;
            }
            try {
                return Optional.of(LoadedSnapshot.verify(candidate, root.resolve(BLOBS), json));
            } catch (SnapshotException e) {
                warnings.accept("skipping snapshot " + candidate + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Starts a new snapshot in a temporary directory; nothing is visible until {@link PendingSnapshot#commit()}. */
    public PendingSnapshot begin() {
        long sequence = snapshots(Comparator.naturalOrder()).stream().mapToLong(SnapshotDirectory::sequenceOf)
                .max().orElse(0) + 1;
        try {
            Path temp = Files.createTempDirectory(root, TEMP_PREFIX + sequence + "-");
            return new PendingSnapshot(this, temp, sequence, json);
        } catch (IOException e) {
            throw new SnapshotException("cannot create a temporary snapshot directory in " + root, e);
        }
    }

    /** Publishes a finished temporary directory as {@code snapshot-<sequence>}, then drops what it made obsolete. */
    Path publish(Path temp, long sequence, Manifest manifest) throws IOException {
        Path target = root.resolve(String.format("%s%012d", SNAPSHOT_PREFIX, sequence));
        Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Durable.forceDirectory(root);
        collectGarbage(temp);
        return target;
    }

    /**
     * Deletes all but the newest {@value #KEPT} snapshots, leftover temporary directories (from a writer
     * that was killed; this directory has one writer at a time), and blobs no kept snapshot references.
     */
    private void collectGarbage(Path justPublished) throws IOException {
        List<Path> all = snapshots(Comparator.reverseOrder());
        List<Path> kept = all.subList(0, Math.min(KEPT, all.size()));
        for (Path old : all.subList(kept.size(), all.size())) {
            deleteTree(old);
        }
        try (Stream<Path> entries = Files.list(root)) {
            for (Path temp : entries.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX)).toList()) {
                if (!temp.equals(justPublished)) {
                    deleteTree(temp);
                }
            }
        }
        java.util.Set<String> referenced = new java.util.HashSet<>();
        for (Path snapshot : kept) {
            try {
                referenced.addAll(Manifest.fromJson(json.read(Files.readAllBytes(snapshot.resolve(Manifest.FILE_NAME))))
                        .blobs().keySet());
            } catch (IOException | SnapshotException e) {
                // A kept snapshot whose manifest cannot be read keeps nothing alive: it will never load anyway.
            }
        }
        try (Stream<Path> blobs = Files.list(root.resolve(BLOBS))) {
            for (Path blob : blobs.toList()) {
                if (!referenced.contains(blob.getFileName().toString())) {
                    Files.deleteIfExists(blob);
                }
            }
        }
    }

    private List<Path> snapshots(Comparator<Long> order) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(p -> sequenceOf(p) >= 0 && Files.isDirectory(p)).forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException("SimStack cannot list its data directory " + root, e);
        }
        found.sort(Comparator.comparing(SnapshotDirectory::sequenceOf, order));
        return found;
    }

    private static long sequenceOf(Path path) {
        String name = path.getFileName().toString();
        if (!name.startsWith(SNAPSHOT_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(SNAPSHOT_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
