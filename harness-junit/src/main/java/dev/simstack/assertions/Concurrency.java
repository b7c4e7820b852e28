package dev.simstack.assertions;

import dev.simstack.core.LedgerEntry.Invocation;
import dev.simstack.core.LedgerEntry.InvocationOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The peak overlap of invocations' start-to-end intervals: how many ran at once, at most. */
final class Concurrency {

    /** The most invocations that ran at once, and when that began (null when none ran). */
    record Peak(int count, Instant at) {
    }

    private record Edge(Instant at, int delta) {
    }

    private Concurrency() {
    }

    /** Sweeps the intervals in time order; at one instant ends come before starts, so touching ones do not overlap. */
    static Peak peak(List<Invocation> invocations) {
        List<Edge> edges = new ArrayList<>();
        for (Invocation invocation : invocations) {
            if (invocation.outcome() != InvocationOutcome.THROTTLED) { // a throttled handler never ran
                edges.add(new Edge(invocation.start(), 1));
                edges.add(new Edge(invocation.end(), -1));
            }
        }
        edges.sort(Comparator.comparing(Edge::at).thenComparingInt(Edge::delta));
        int running = 0;
        Peak peak = new Peak(0, null);
        for (Edge edge : edges) {
            running += edge.delta();
            if (running > peak.count()) {
                peak = new Peak(running, edge.at());
            }
        }
        return peak;
    }
}
