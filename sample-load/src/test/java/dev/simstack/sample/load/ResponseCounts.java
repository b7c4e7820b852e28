package dev.simstack.sample.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * Gatling's verdict on each order request, counted as the run goes: OK (the 202 the check expects), KO with a
 * 429 (throttled by the stage), KO with anything else. Gatling's own statistics are in its log only once the run
 * is over, so the simulation counts the same verdicts (each virtual user sends one request) to compare them, split
 * by status, with the ledger in its {@code after()}; {@link GatlingStatsCheck} compares Gatling's own after the run.
 */
final class ResponseCounts {

    private final LongAdder ok = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder otherKo = new LongAdder();

    /** Counts one request: {@code failed} is Gatling's KO, {@code status} the response's status (0 for none). */
    void record(boolean failed, int status) {
        if (!failed) {
            ok.increment();
        } else if (status == 429) {
            throttled.increment();
        } else {
            otherKo.increment();
        }
    }

    Counts counts() {
        return new Counts(ok.sum(), throttled.sum(), otherKo.sum());
    }

    /** A snapshot: Gatling's OK, its KO answered 429, its other KO. */
    record Counts(long ok, long throttled, long otherKo) {

        long ko() {
            return throttled + otherKo;
        }
    }
}
