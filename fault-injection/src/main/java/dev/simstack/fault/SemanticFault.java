package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.SemanticHook;
import org.apiguardian.api.API;

/**
 * A fault that happens inside a service rather than on the wire (a duplicate delivery, a crash after a
 * handler's writes, a paused replication): a value in a {@link FaultPlan}, like a {@link FaultRule}, which a
 * {@link FaultInjector} activates on a stack as the {@link SemanticHook} the stack's services consult.
 *
 * <p>An implementation is an immutable, printable value ({@code toString} shows what it does, for the plan
 * printed with a failing test's seed); the state of a run (counters, random streams) lives in the hook that
 * {@link #activate} returns, so one plan can be applied to many stacks and many tests.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface SemanticFault {

    /**
     * The fault's name, for reports and the ledger's notes.
     *
     * @return the name, unique in its plan
     */
    String name();

    /**
     * Starts this fault on a stack.
     *
     * @param context the stack's clock, and random streams seeded for this fault
     * @return the hook the stack's services call; it implements one or more {@link SemanticHook} sub-interfaces
     */
    SemanticHook activate(FaultContext context);
}
