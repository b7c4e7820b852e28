package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.internal.stack.Engine;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One Lambda function of a running stack, taken with {@link Stack#function(String)}: its identity and its
 * invocations as the ledger recorded them, whoever invoked it (a client's Invoke, an SQS event source
 * mapping, an API Gateway integration, an S3 notification). Invocations are history: they stay readable
 * after the function is deleted, until the ledger is reset.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class FunctionHandle {

    private final Engine engine;
    private final ResourceRef ref;

    FunctionHandle(Engine engine, ResourceRef ref) {
        this.engine = engine;
        this.ref = ref;
    }

    /** The function's identity: region, account and name. */
    public ResourceRef ref() {
        return ref;
    }

    /** The function's (unqualified) ARN, e.g. {@code arn:aws:lambda:us-east-1:000000000000:function:worker}. */
    public String arn() {
        return ref.arn();
    }

    /**
     * The ledger's invocations of this function, in the order they were recorded (when each ended). A
     * ledger with a limit may have evicted older ones: see {@link Ledger#requireComplete(String)}.
     */
    public List<LedgerEntry.Invocation> invocations() {
        return engine.context().ledger().entries(LedgerEntry.Invocation.class).stream()
                .filter(invocation -> invocation.function().equals(ref)).toList();
    }

    @Override
    public String toString() {
        return "FunctionHandle[" + ref + "]";
    }
}
