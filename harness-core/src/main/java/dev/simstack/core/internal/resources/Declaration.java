package dev.simstack.core.internal.resources;

import dev.simstack.core.AwsException;
import dev.simstack.core.BucketSpec;
import dev.simstack.core.TableSpec;
import java.util.function.Supplier;

/**
 * Runs one service call that creates a declared resource, turning its AWS error into a start failure
 * that says which declaration it was, in the words of the service that refused it.
 */
final class Declaration {

    private Declaration() {
    }

    static void run(TableSpec table, String region, String operation, Runnable call) {
        run("table '" + table.name() + "' in " + region, operation, call);
    }

    static void run(BucketSpec bucket, String region, String operation, Runnable call) {
        run("bucket '" + bucket.name() + "' in " + region, operation, call);
    }

    static void run(String declaration, String operation, Runnable call) {
        call(declaration, operation, () -> {
            call.run();
            return null;
        });
    }

    /** As {@link #run(String, String, Runnable)}, answering what the call answers. */
    static <T> T call(String declaration, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsException e) {
            throw new IllegalArgumentException("declared " + declaration + ": " + operation + " failed: " + e.code() + ": "
                    + e.getMessage(), e);
        }
    }

}
