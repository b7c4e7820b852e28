package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.internal.persist.LoadedSnapshot;
import dev.simstack.core.internal.persist.SnapshotDirectory;
import dev.simstack.core.internal.stack.StackState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A directory a stack's state is saved to and reloaded from, for the standalone server: snapshots of
 * every queue and message, table and item, bucket and object, each published atomically, the newest one
 * that verifies loaded at start. Saving reads each resource under the lock its service takes, so no
 * message, item or object is torn; resources are not captured at one common instant.
 *
 * <pre>{@code
 * DataDirectory data = DataDirectory.open(Path.of("state"));
 * Stack stack = data.start(config, System.err::println);   // loads the newest good snapshot, if any
 * AutoCloseable saving = data.saveEvery(stack, Duration.ofSeconds(5), System.err::println);
 * ...
 * data.save(stack);                                           // on a clean stop
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DataDirectory {

    private final SnapshotDirectory snapshots;
    private volatile Loaded loaded;

    /** What {@link #start} found and loaded. */
    public record Loaded(long sequence, Path snapshot, String counts) {
        @Override
        public String toString() {
            return counts + " from " + snapshot;
        }
    }

    /** What one {@link #save} wrote. */
    public record Saved(long sequence, Path snapshot, String counts, long newBodyBytes, Duration took) {
    }

    private DataDirectory(Path directory) {
        this.snapshots = new SnapshotDirectory(directory);
    }

    /** Opens (creating it if needed) a data directory. */
    public static DataDirectory open(Path directory) {
        return new DataDirectory(Objects.requireNonNull(directory, "directory"));
    }

    /** The directory the snapshots are in. */
    public Path path() {
        return snapshots.root();
    }

    /**
     * Starts a stack with the state of the newest snapshot that verifies completely (every file and body
     * against the manifest's size and SHA-256); newer ones that do not are skipped, each with a warning to
     * {@code warnings}. Without a snapshot that verifies the stack starts empty; if snapshots verify but none
     * can be imported, it does not start. The stack takes the snapshot's seed unless {@code config} names
     * one, and a manual clock resumes at the snapshot's instant.
     */
    public Stack start(StackConfig config, Consumer<String> warnings) {
        Optional<LoadedSnapshot> candidate = snapshots.newest(warnings);
        if (candidate.isEmpty()) {
            loaded = null;
            return Stack.start(config);
        }
        RuntimeException failure = null;
        while (candidate.isPresent()) {
            LoadedSnapshot snapshot = candidate.get();
            try {
                return start(config, snapshot);
            } catch (RuntimeException e) {
                // Verified but not importable (written by another version, say): the stack was not started.
                warnings.accept("skipping snapshot " + snapshot.directory() + ": it cannot be loaded: " + e);
                failure = failure == null ? e : failure;
                candidate = snapshots.olderThan(snapshot.sequence(), warnings);
            }
        }
        // Starting empty would let the next saves delete snapshots that only this version cannot read.
        throw new IllegalStateException("no snapshot in " + path() + " could be loaded; move the directory away "
                + "to start empty", failure);
    }

    private Stack start(StackConfig config, LoadedSnapshot snapshot) {
        StackConfig resumed = config;
        if (config.seed() == null) {
            resumed = resumed.withSeed(StackState.seed(snapshot));
        }
        if (config.clock().mode() == SimClock.Mode.MANUAL) {
            resumed = resumed.withClock(ClockSpec.manual(Instant.ofEpochMilli(StackState.clockMillis(snapshot))));
        }
        return Stack.start(resumed, engine -> {
            StackState.Summary summary = StackState.load(engine, snapshot);
            loaded = new Loaded(summary.sequence(), summary.directory(), summary.toString());
        });
    }

    /** What the last {@link #start} loaded, or empty if it started empty. */
    public Optional<Loaded> loaded() {
        return Optional.ofNullable(loaded);
    }

    /** Saves the stack's state as a new snapshot; one save at a time. */
    public synchronized Saved save(Stack stack) {
        long started = System.nanoTime();
        StackState.Summary summary = StackState.save(stack.engine(), snapshots);
        return new Saved(summary.sequence(), summary.directory(), summary.toString(), summary.blobBytesWritten(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The clean stop: closes the stack's port (requests in progress finish), saves, then closes the stack,
     * so every write the stack acknowledged is in the last snapshot.
     */
    public Saved saveAndClose(Stack stack) {
        try {
            stack.engine().stopServing();
            return save(stack);
        } finally {
            stack.close();
        }
    }

    /**
     * Saves every {@code period} of wall time (persistence is an operational feature, not simulated
     * behaviour, so the stack's clock does not drive it) on a daemon thread, until the returned handle is
     * closed. A failed save is reported to {@code errors} and the next period tries again.
     */
    public AutoCloseable saveEvery(Stack stack, Duration period, Consumer<String> errors) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the persistence period must be positive, not " + period);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simstack-persist");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (stack.isRunning()) {
                    save(stack);
                }
            } catch (RuntimeException e) {
                errors.accept("saving to " + path() + " failed: " + e);
            }
        }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        return () -> {
            scheduler.shutdown();
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        };
    }
}
