package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A function's environment variables. An in-process function shares the test JVM, whose environment
 * cannot be changed, so SimStack hands each invocation's variables to its {@code Context}; read them
 * here, and the same code reads {@code System.getenv} when deployed to AWS.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FunctionEnvironment {

    /** Implemented by the {@code Context} SimStack passes to handlers. */
    public interface Holder {
        /** The function's environment variables. */
        Map<String, String> environmentVariables();
    }

    private FunctionEnvironment() {
    }

    /** The variable {@code name}: the function's in SimStack, {@code System.getenv(name)} elsewhere. */
    public static String get(Context context, String name) {
        if (context instanceof Holder holder) {
            return holder.environmentVariables().get(name);
        }
        return System.getenv(name);
    }
}
