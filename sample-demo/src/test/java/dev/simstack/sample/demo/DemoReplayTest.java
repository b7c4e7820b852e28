package dev.simstack.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo on a manual clock replays from its seed: every figure of its summary, latencies and peaks included, is
 * the same on a machine busy with other work as on an idle one.
 */
class DemoReplayTest {

    @Test
    void the_same_seed_prints_the_same_summary_on_a_loaded_machine_and_an_idle_one(@TempDir Path out)
            throws Exception {
        DemoOptions options = DemoOptions.parse("--orders", "200", "--window", "2m", "--seed", "11",
                "--out", out.toString());

        String idle = summaryOf(options);
        String loaded;
        try (BusyThreads hogs = BusyThreads.start(2)) {
            loaded = summaryOf(options);
        }

        assertThat(loaded).isEqualTo(idle);
        assertThat(idle).contains("orders sent                200", "ok    accepted = processed + in the DLQ");
    }

    /** What the run printed from its summary's heading to the wall-time line (which is the machine's). */
    private static String summaryOf(DemoOptions options) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new Demo(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        String text = printed.toString(StandardCharsets.UTF_8);
        int from = text.indexOf("Summary (");
        int to = text.indexOf("\nRan ", from);
        assertThat(from).as("the summary's heading in:%n%s", text).isNotNegative();
        return text.substring(from, to < 0 ? text.length() : to);
    }

    /** Threads that keep cores busy until closed, as other work on a shared CI machine does. */
    private static final class BusyThreads implements AutoCloseable {
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stop;
        private volatile long sink;

        static BusyThreads start(int count) {
            BusyThreads busy = new BusyThreads();
            for (int i = 0; i < count; i++) {
                Thread thread = new Thread(busy::spin, "busy-" + i);
                thread.setDaemon(true);
                busy.threads.add(thread);
                thread.start();
            }
            return busy;
        }

        private void spin() {
            long x = 1;
            while (!stop) {
                for (int i = 0; i < 100_000; i++) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                }
                sink = x;
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
