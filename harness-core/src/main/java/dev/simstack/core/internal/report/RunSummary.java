package dev.simstack.core.internal.report;

import dev.simstack.core.LedgerEntry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The headline counts of a run, and the faults interceptors noted, by description. One pass over the ledger. */
final class RunSummary {

    long requests;
    long requestErrors;
    long throttled;
    long faulted;
    long apiRequests;
    long sent;
    long delivered;
    long redelivered;
    long deadLettered;
    long invocations;
    long failedInvocations;
    long coldStarts;
    long itemWrites;
    long objectWrites;
    long httpCalls;
    final Map<String, Long> faults = new TreeMap<>();

    static RunSummary of(List<LedgerEntry> entries) {
        RunSummary summary = new RunSummary();
        entries.forEach(summary::add);
        return summary;
    }

    private void add(LedgerEntry entry) {
        if (entry instanceof LedgerEntry.Request r && LedgerSeries.Throttles.mirrorsApiRequest(r)) {
            return;
        }
        if (entry instanceof LedgerEntry.Request r) {
            requests++;
            requestErrors += r.status() >= 400 ? 1 : 0;
            throttled += LedgerSeries.Throttles.refused(r) ? 1 : 0;
            if (r.fault() != null) {
                faulted++;
                faults.merge(r.fault(), 1L, Long::sum);
            }
        } else if (entry instanceof LedgerEntry.ApiRequest a) {
            apiRequests++;
            throttled += a.throttled() ? 1 : 0;
        } else if (entry instanceof LedgerEntry.Message m) {
            switch (m.kind()) {
                case SENT -> sent++;
                case DELIVERED -> {
                    delivered++;
                    redelivered += m.receiveCount() > 1 ? 1 : 0;
                }
                case MOVED_TO_DLQ -> deadLettered++;
                default -> {
                }
            }
        } else if (entry instanceof LedgerEntry.Invocation i) {
            invocations++;
            coldStarts += i.coldStart() ? 1 : 0;
            throttled += i.outcome() == LedgerEntry.InvocationOutcome.THROTTLED ? 1 : 0;
            failedInvocations += i.outcome() == LedgerEntry.InvocationOutcome.ERROR
                    || i.outcome() == LedgerEntry.InvocationOutcome.TIMEOUT ? 1 : 0;
        } else if (entry instanceof LedgerEntry.ItemWrite) {
            itemWrites++;
        } else if (entry instanceof LedgerEntry.HttpCall h) {
            httpCalls++;
            if (h.fault() != null) {
                faulted++;
                faults.merge(h.fault(), 1L, Long::sum);
            }
        } else {
            objectWrites++;
        }
    }
}
