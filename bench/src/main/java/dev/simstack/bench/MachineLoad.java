package dev.simstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the machine was with other work while a benchmark ran. On a 2-core machine a concurrent
 * build skews every figure, so each run says how much CPU time went to processes other than this one
 * and its (waited-for) children, the forked JMH and cold-start JVMs.
 */
final class MachineLoad {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final Path SELF_STAT = Path.of("/proc/self/stat");
    /** USER_HZ, the unit of /proc's CPU times: 100 on every Linux the JDK runs on. */
    private static final double JIFFIES_PER_SECOND = 100.0;

    private final long busyAtStart;
    private final long totalAtStart;
    private final long ownAtStart;

    private MachineLoad(long[] system, long own) {
        this.busyAtStart = system[0];
        this.totalAtStart = system[1];
        this.ownAtStart = own;
    }

    /** Starts counting; null where /proc is not there (not Linux). */
    static MachineLoad start() {
        try {
            return new MachineLoad(systemJiffies(), ownJiffies());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A line saying what share of the machine other processes took since {@link #start()}. */
    String report() {
        try {
            long[] system = systemJiffies();
            long busy = system[0] - busyAtStart;
            long total = system[1] - totalAtStart;
            long own = ownJiffies() - ownAtStart;
            long others = Math.max(0, busy - own);
            double share = total == 0 ? 0 : 100.0 * others / total;
            return String.format(Locale.ROOT, "machine load: other processes used %.0f%% of all CPU time during this"
                    + " run (%.1f of %.1f CPU-seconds)%s", share, others / JIFFIES_PER_SECOND, total / JIFFIES_PER_SECOND,
                    share > 5 ? " -- NOT QUIET: figures are skewed, run again on an idle machine" : "");
        } catch (IOException | RuntimeException e) {
            return "machine load: unknown (" + e + ")";
        }
    }

    /** {busy, total} jiffies over all CPUs; iowait and idle count as not busy. */
    private static long[] systemJiffies() throws IOException {
        String[] cpu = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length && i <= 8; i++) {
            total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        return new long[] {total - idle, total};
    }

    /** utime + stime of this JVM plus cutime + cstime of the children it has waited for (proc(5)). */
    private static long ownJiffies() throws IOException {
        String stat = Files.readString(SELF_STAT);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state); utime, stime, cutime, cstime are fields 14-17.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
    }
}
