package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * The engine's interception point: every decoded call passes through the stack's interceptors, in the
 * order they were added, before it reaches its service. An interceptor may inspect the call
 * ({@link ServiceCall#member(String)}, {@link ServiceCall#resource()}), answer it itself with an AWS error
 * ({@link CallResult#failure(AwsException)}, or by throwing an {@link AwsException} or failing the stage), delay
 * it on the stack's clock, or pass it on and look at the {@link CallResult}. Faults, metrics and auth are built
 * on this.
 *
 * <pre>{@code
 * Interceptor noOrders = (call, next) -> call.resource().map(ResourceRef::name).filter("orders"::equals).isPresent()
 *         ? CompletableFuture.completedFuture(CallResult.failure(new AwsException("AccessDenied", 403, "no")))
 *         : next.proceed(call);
 * }</pre>
 *
 * <p>Anything else an interceptor throws, or fails its stage with, is answered as the engine's
 * {@code InternalFailure} (500), naming the exception.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface Interceptor {

    /**
     * Handles {@code call}, usually by calling {@code next.proceed(call)} and returning (or looking at) its
     * result.
     *
     * @param call the call, as the engine decoded it; pass this same call on
     * @param next the rest of the chain, ending at the service
     * @return the call's result: the one {@code next} gave, a {@link CallResult#failure(AwsException)}, or
     *     either of them later
     */
    CompletionStage<CallResult> intercept(ServiceCall call, Next next);

    /**
     * Called once by {@link Stack#start(StackConfig)}, before it returns, with the stack the interceptor
     * serves: its clock and seeded random source are what delays and random choices must use. Calls may
     * reach {@link #intercept} a moment before (the port is open); does nothing by default.
     *
     * @param stack the stack this interceptor was started with
     */
    default void attach(Stack stack) {
    }

    /**
     * The semantic hooks this interceptor offers the services now: faults that act inside a service, where a
     * wire-level interceptor cannot reach (a message handed out again, an invocation that fails after its side
     * effects, a replication that pauses). Each service asks for the hooks of its own type (e.g. {@link SqsHook})
     * at the points where it consults them, so what this returns may change between calls (a test's own plan);
     * none by default.
     *
     * @return the hooks, of any {@link SemanticHook} sub-interface; empty for none
     */
    default List<? extends SemanticHook> hooks() {
        return List.of();
    }

    /** The rest of the chain, ending at the service. */
    @FunctionalInterface
    interface Next {

        /**
         * Passes {@code call} to the next interceptor, or to its service after the last one.
         *
         * @param call the call this interceptor was given (the engine refuses any other)
         * @return the call's result, complete when the service (or a later interceptor) has answered
         */
        CompletionStage<CallResult> proceed(ServiceCall call);
    }
}
