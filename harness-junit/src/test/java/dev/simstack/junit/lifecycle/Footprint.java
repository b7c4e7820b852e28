package dev.simstack.junit.lifecycle;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a JVM holds that a stack could leak: live threads, open file descriptors, sockets among them (the
 * listening ports and connections), and the heap still in use after full collections. File descriptors and
 * sockets are -1 where the platform does not tell (not Unix, no {@code /proc}).
 *
 * @param threads live threads
 * @param fileDescriptors open file descriptors
 * @param sockets open sockets, listening or connected
 * @param heapBytes heap in use after {@code System.gc()}
 */
record Footprint(int threads, long fileDescriptors, long sockets, long heapBytes) {

    private static final Path FDS = Path.of("/proc/self/fd");

    /** The footprint now, after collecting garbage until the heap in use stops shrinking. */
    static Footprint measure() throws InterruptedException {
        long heap = heapAfterGc(); // first: sockets nobody closed are released when collected
        return new Footprint(liveThreads(), openFileDescriptors(), openSockets(), heap);
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long openFileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }

    /** Open sockets now, without collecting garbage first; -1 where unknown. */
    static long openSockets() {
        if (!Files.isDirectory(FDS)) {
            return -1;
        }
        try (Stream<Path> fds = Files.list(FDS)) {
            return fds.filter(fd -> isSocket(fd)).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isSocket(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
            return false; // closed between listing and reading
        }
    }

    /**
     * Collects until two readings agree within 1 MB: one {@code System.gc()} may leave objects that a
     * {@code Cleaner} or a finalizer frees only after it ran.
     */
    private static long heapAfterGc() throws InterruptedException {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(100);
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 1024 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    /** The figures, and the growth since {@code baseline}. */
    String since(Footprint baseline) {
        return String.format(Locale.ROOT, "threads %d (%+d), file descriptors %d (%+d), sockets %d (%+d),"
                        + " heap after GC %.1f MB (%+.1f MB)", threads, threads - baseline.threads, fileDescriptors,
                fileDescriptors - baseline.fileDescriptors, sockets, sockets - baseline.sockets, heapBytes / 1e6,
                (heapBytes - baseline.heapBytes) / 1e6);
    }
}
