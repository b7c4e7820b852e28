package dev.simstack.junit.internal.burst;

import java.io.PrintStream;

/**
 * The progress line of a long burst: nothing for the first two seconds of wall time, then at most one
 * line every two seconds, e.g. {@code burst POST /orders on shop: 400/1000 sent, 120 answered, 3 throttled}.
 */
final class Progress {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final String description;
    private final int total;
    private final PrintStream out;
    private long nextAt;

    Progress(String description, int total, PrintStream out) {
        this.description = description;
        this.total = total;
        this.out = out;
        this.nextAt = System.nanoTime() + EVERY_NANOS;
    }

    /** Prints the line if it is due. */
    void tick(Answers answers) {
        long now = System.nanoTime();
        if (now - nextAt >= 0) {
            nextAt = now + EVERY_NANOS;
            out.println("burst " + description + ": " + answers.sent() + "/" + total + " sent, " + answers.answered()
                    + " answered, " + answers.throttled() + " throttled");
        }
    }
}
