package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.Stack;
import dev.simstack.junit.internal.burst.BurstRun;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Runs bursts against a stack, without JUnit: the entry point {@link Burst} uses, and the one for loops and
 * properties.
 *
 * <p>A burst is an open model: request {@code i} is sent at its arrival instant whatever became of the
 * earlier ones. Requests go over HTTP with the JDK's client (one per burst, released after): to the API's
 * stage URL plus the route's path with the route's method, or as SQS {@code SendMessage} calls in the AWS
 * JSON protocol to the stack's endpoint. Latencies are virtual time, on the stack's clock.
 *
 * <p><b>Clock.</b> On a manual clock the burst moves the clock itself from arrival to arrival, and waits
 * for request {@code i}'s answer before moving past its arrival, so that throttles (token buckets on the
 * clock) decide each request at its own instant and a seed gives the same counts every run. Because a
 * request may itself wait on the clock (a Lambda cold start), that wait is bounded: 100 ms of wall time
 * (2 s for the first request), after which the request counts as admitted and the burst goes on — API
 * Gateway answers a throttled request at once, so only an admitted request can still be waiting. After the
 * last arrival the burst advances the clock in small, growing steps until every request is answered (at
 * most one virtual minute). On a manual clock, latencies are therefore exact for answers that come without
 * the clock moving (0) and, for requests that waited on it, measured to the step the answer came in. On a
 * scaled clock arrivals come at the clock's scale; on a real clock in real time.
 *
 * <p><b>Progress.</b> A burst that runs longer than two seconds of wall time prints a line to
 * {@code System.out} at most every two seconds, e.g. {@code burst POST /orders on shop: 400/1000 sent, 120
 * answered, 3 throttled}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Bursts {

    private Bursts() {
    }

    /**
     * Runs {@code spec} against {@code stack} and returns when every request has been answered (or the burst
     * stopped waiting for it).
     *
     * @throws IllegalArgumentException if the spec has no size, or its API, route or queue is not on the stack
     *     (the message lists those there are)
     */
    public static BurstResult fire(Stack stack, BurstSpec spec) {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(spec, "spec");
        return new BurstResult(BurstRun.run(stack, spec, System.out));
    }
}
