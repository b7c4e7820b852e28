package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * The fault points of Lambda's invocations (handlers, event source mappings, concurrency): see {@link SemanticHook}. The service calls these methods where AWS may
 * behave that way on its own; every default changes nothing.
 *
 * <p>An invocation meets the points in this order: {@link #concurrencyLimit} (before it takes a unit of
 * concurrency), {@link #forcedColdStart} (before it takes a warm environment), {@link #handlerDelay} (before the
 * handler runs), {@link #crashesAfterEffect} (after the handler returned). Every invocation asks them, whoever
 * invokes: a client's Invoke, an event source mapping's batch, an asynchronous invocation's retry.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface LambdaHook extends SemanticHook {

    /**
     * A reserved concurrency smaller than the function's own, for now: an invocation that finds this many of the
     * function's invocations running is throttled as at a reserved limit ({@code TooManyRequestsException}, reason
     * {@code ReservedFunctionConcurrentInvocationLimitExceeded}; an event source mapping backs off and its batch
     * comes back after the queue's visibility timeout).
     *
     * @param function the function invoked
     * @return the limit, 0 to throttle every invocation; empty to leave the function's limits as they are
     */
    default OptionalInt concurrencyLimit(ResourceRef function) {
        return OptionalInt.empty();
    }

    /**
     * Whether this invocation starts a new execution environment although a warm one is idle (as after AWS
     * recycles environments, or scales out), and the environment's init time on the stack's clock.
     *
     * @param function the function invoked
     * @return the init delay of the forced cold start (zero for none beyond the function's own); empty to let
     *     the invocation take a warm environment if one is idle
     */
    default Optional<Duration> forcedColdStart(ResourceRef function) {
        return Optional.empty();
    }

    /**
     * Time on the stack's clock that passes before the handler runs, as a slow dependency or a stuck call would
     * take it. Past the function's timeout the invocation times out as AWS ends it ({@code Task timed out after
     * N.00 seconds}) and the handler does not run.
     *
     * @param function the function invoked
     * @param timeout the function's timeout
     * @param event the invocation's event, as the handler would read it
     * @return the delay; zero for none
     */
    default Duration handlerDelay(ResourceRef function, Duration timeout, byte[] event) {
        return Duration.ZERO;
    }

    /**
     * Whether an invocation whose handler returned fails now, as when the runtime process exits after the
     * handler's writes and before Lambda reports the result: the invocation ends with a
     * {@code Runtime.ExitError} function error, its environment is discarded, and an event source mapping does
     * not delete the batch, which comes back after the queue's visibility timeout.
     *
     * @param function the function invoked
     * @param event the invocation's event, as the handler read it
     * @return true to fail the invocation after its side effects
     */
    default boolean crashesAfterEffect(ResourceRef function, byte[] event) {
        return false;
    }

    /**
     * Whether an event source mapping of {@code region} stops polling for now (its region is down): while it
     * answers true the mapping's pollers receive nothing and try again a second later, and the messages wait in
     * their source, as they do on AWS while Lambda's pollers cannot reach it.
     *
     * @param region the mapping's region
     * @param functionName the name of the mapping's function
     * @return true to skip this poll; false (the default) to poll
     */
    default boolean eventSourceMappingPaused(String region, String functionName) {
        return false;
    }
}
