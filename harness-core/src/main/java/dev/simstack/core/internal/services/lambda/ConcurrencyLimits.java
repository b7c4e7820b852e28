package dev.simstack.core.internal.services.lambda;

/**
 * The concurrency of one region: an account limit (1,000 by default, as AWS's default quota), of which
 * reserved concurrency is set aside per function; functions without a reservation share the rest.
 * "Lambda keeps at least 100 units of concurrency unreserved" — scaled down to a tenth for the small
 * limits tests set.
 */
final class ConcurrencyLimits {

    /** Which pool an invocation was counted in, to give the unit back to the same one. */
    enum Pool { RESERVED, UNRESERVED, NONE }

    private final int accountLimit;
    private final FunctionDirectory functions;
    private int unreservedInUse;

    ConcurrencyLimits(int accountLimit, FunctionDirectory functions) {
        this.accountLimit = accountLimit;
        this.functions = functions;
    }

    int accountLimit() {
        return accountLimit;
    }

    /** The smallest unreserved concurrency a PutFunctionConcurrency may leave. */
    int minimumUnreserved() {
        return Math.min(100, accountLimit / 10);
    }

    synchronized int unreserved() {
        return accountLimit - functions.totalReserved();
    }

    /** Counts an invocation in; NONE with the function's or the account's limit reached. */
    Pool acquire(LambdaFunction function) {
        Integer reserved = function.reservedConcurrency();
        if (reserved != null) {
            return function.reserve(reserved) ? Pool.RESERVED : Pool.NONE;
        }
        synchronized (this) {
            if (unreservedInUse >= accountLimit - functions.totalReserved()) {
                return Pool.NONE;
            }
            unreservedInUse++;
        }
        function.reserve(Integer.MAX_VALUE);
        return Pool.UNRESERVED;
    }

    void release(LambdaFunction function, Pool pool) {
        if (pool == Pool.NONE) {
            return;
        }
        function.release();
        if (pool == Pool.UNRESERVED) {
            synchronized (this) {
                unreservedInUse--;
            }
        }
    }
}
