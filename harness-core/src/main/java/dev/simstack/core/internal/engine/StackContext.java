package dev.simstack.core.internal.engine;

import dev.simstack.core.Interceptor;
import dev.simstack.core.SemanticHook;
import java.util.ArrayList;
import java.util.List;

import dev.simstack.core.SimClock;
import dev.simstack.core.SimRandom;
import dev.simstack.core.internal.ledger.AppendOnlyLedger;

/**
 * What every service of one stack shares: its clock, random source, id source, ledger, account and
 * default region, the interceptors whose semantic hooks the services consult, and the count of its work in
 * flight ({@link Activity}). One per stack; nothing static.
 */
public record StackContext(SimClock clock, SimRandom random, IdSource ids, AppendOnlyLedger ledger,
        String accountId, String defaultRegion, List<Interceptor> interceptors, Activity activity) {

    public StackContext {
        interceptors = List.copyOf(interceptors);
    }

    /** A context with an activity count of its own (its clock's timers then are not counted). */
    public StackContext(SimClock clock, SimRandom random, IdSource ids, AppendOnlyLedger ledger, String accountId,
            String defaultRegion, List<Interceptor> interceptors) {
        this(clock, random, ids, ledger, accountId, defaultRegion, interceptors, new Activity());
    }

    /** A context without interceptors (services driven directly, in tests). */
    public StackContext(SimClock clock, SimRandom random, IdSource ids, AppendOnlyLedger ledger, String accountId,
            String defaultRegion) {
        this(clock, random, ids, ledger, accountId, defaultRegion, List.of());
    }

    /**
     * The semantic hooks of {@code type} the stack's interceptors offer now, in interceptor order; empty (and
     * allocation-free) when no interceptor offers any, which is the common case on the request path.
     */
    public <T extends SemanticHook> List<T> hooks(Class<T> type) {
        if (interceptors.isEmpty()) {
            return List.of();
        }
        List<T> found = null;
        for (Interceptor interceptor : interceptors) {
            for (SemanticHook hook : interceptor.hooks()) {
                if (type.isInstance(hook)) {
                    if (found == null) {
                        found = new ArrayList<>(2);
                    }
                    found.add(type.cast(hook));
                }
            }
        }
        return found == null ? List.of() : found;
    }
}
