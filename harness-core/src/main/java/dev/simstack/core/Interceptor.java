package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * The engine's interception point: every decoded call passes through the stack's interceptors, in the
 * order they were added, before it reaches its service. An interceptor may inspect the call, answer it
 * itself (an error, by throwing {@link AwsException} or failing the stage), delay it on the stack's clock,
 * or pass it on and look at the output. Faults, metrics and auth are built on this.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface Interceptor {

    /** Handles {@code call}, usually by calling {@code next.proceed(call)}. */
    CompletionStage<JsonNode> intercept(ServiceCall call, Next next);

    /**
     * Called once by {@link Stack#start(StackConfig)}, before it returns, with the stack the interceptor
     * serves: its clock and seeded random source are what delays and random choices must use. Calls may
     * reach {@link #intercept} a moment before (the port is open); does nothing by default.
     */
    default void attach(Stack stack) {
    }

    /** The rest of the chain, ending at the service. */
    @FunctionalInterface
    interface Next {
        CompletionStage<JsonNode> proceed(ServiceCall call);
    }
}
