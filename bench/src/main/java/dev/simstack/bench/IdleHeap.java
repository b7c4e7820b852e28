package dev.simstack.bench;

import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Heap and threads that idle stacks hold: starts {@code count} stacks with one queue each, measures heap
 * used after full GCs, closes them and measures again (which also shows whether closing leaks).
 */
final class IdleHeap {

    private static final StackConfig ONE_QUEUE = StackConfig.defaults().withQueue(QueueSpec.named("q"));

    private IdleHeap() {
    }

    static void run(int count) throws InterruptedException {
        System.out.println("== Idle stacks: " + count + " stacks with one queue each ==");
        for (int i = 0; i < 20; i++) {
            ONE_QUEUE.start().close();
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        int threadsBefore = Thread.activeCount();
        List<Stack> stacks = new ArrayList<>(count);
        long startedAt = System.nanoTime();
        for (int i = 0; i < count; i++) {
            stacks.add(ONE_QUEUE.start());
        }
        double startMillis = (System.nanoTime() - startedAt) / 1e6;
        long during = usedAfterGc(memory);
        int threadsDuring = Thread.activeCount();
        for (Stack stack : stacks) {
            stack.close();
        }
        stacks.clear();
        long after = usedAfterGc(memory);
        int threadsAfter = Thread.activeCount();
        System.out.printf(Locale.ROOT, "  heap used after GC: %.1f MiB before, %.1f MiB with %d stacks, %.1f MiB after"
                + " closing%n", mib(before), mib(during), count, mib(after));
        System.out.printf(Locale.ROOT, "  heap per idle stack: %.1f KiB%n", (during - before) / 1024.0 / count);
        System.out.printf(Locale.ROOT, "  threads per idle stack: %.2f (%d before, %d with the stacks, %d after"
                + " closing)%n", (threadsDuring - threadsBefore) / (double) count, threadsBefore, threadsDuring,
                threadsAfter);
        System.out.printf(Locale.ROOT, "  starting the %d stacks took %.0f ms (%.2f ms each)%n", count, startMillis,
                startMillis / count);
    }

    static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
