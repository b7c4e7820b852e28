package dev.simstack.core.internal.report;

import dev.simstack.core.LedgerEntry;
import java.util.List;

/**
 * What a report shows, read from a stack at one moment: its identity, its configuration's interceptors (fault
 * plans print themselves), its resources and wiring, and its ledger.
 *
 * @param title the page's heading
 * @param now the stack clock's time when the report was written
 * @param seed the stack's seed
 * @param clock the clock's mode, as configured
 * @param regions the stack's regions, the default first
 * @param endpoint the stack's endpoint
 * @param account the account id of its resources
 * @param interceptors each interceptor's {@code toString()}
 * @param entries the ledger's entries, in order
 * @param evicted how many entries a ledger limit evicted
 * @param graph the resources and their wiring
 * @param names what the report calls a resource
 */
record ReportInput(String title, String now, long seed, String clock, List<String> regions, String endpoint,
        String account, List<String> interceptors, List<LedgerEntry> entries, long evicted, ResourceGraph graph,
        Names names) {
}
