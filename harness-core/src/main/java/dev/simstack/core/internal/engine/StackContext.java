package dev.simstack.core.internal.engine;

import dev.simstack.core.SimClock;
import dev.simstack.core.SimRandom;
import dev.simstack.core.internal.ledger.AppendOnlyLedger;

/**
 * What every service of one stack shares: its clock, random source, id source, ledger, account and
 * default region. One per stack; nothing static.
 */
public record StackContext(SimClock clock, SimRandom random, IdSource ids, AppendOnlyLedger ledger,
        String accountId, String defaultRegion) {
}
