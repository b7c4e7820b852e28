package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.LatencyFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Delays matching calls on the stack's clock before the service answers them: a fixed delay ({@code "200ms"}),
 * one drawn uniformly ({@code "10ms..50ms"}) or from percentiles ({@code "p50=20ms, p99=400ms"}), drawn from the
 * rule's stream for the call's resource, so the test's seed replays the same delays.
 *
 * <pre>{@code
 * @Latency(service = "dynamodb", operation = "GetItem", value = "p50=20ms, p99=400ms")
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(Latency.List.class)
@DeclaresFaults(LatencyFaults.class)
public @interface Latency {

    /**
     * The service, by signing name: {@code sqs}, {@code dynamodb}, {@code s3}, {@code lambda}, {@code apigateway}.
     *
     * @return the service
     */
    String service();

    /**
     * The operations (e.g. {@code PutItem}); none for every operation.
     *
     * @return the operations
     */
    String[] operation() default {};

    /**
     * The queue, table, bucket or function name (or an API's id); empty for all.
     *
     * @return the resource
     */
    String resource() default "";

    /**
     * The region; empty for all.
     *
     * @return the region
     */
    String region() default "";

    /**
     * The delay: {@code 200ms} (fixed), {@code 10ms..50ms} (uniform) or {@code p50=20ms, p99=400ms} (percentiles,
     * interpolated linearly between them).
     *
     * @return the delay or its distribution
     */
    String value();

    /**
     * The chance that an eligible call is delayed, in (0, 1].
     *
     * @return the probability
     */
    double probability() default 1;

    /**
     * How many matching calls pass before the fault starts (from the Nth call: {@code N - 1}).
     *
     * @return the count let through
     */
    long after() default 0;

    /**
     * Of the eligible calls, only every {@code every}th is delayed (1: each).
     *
     * @return the period
     */
    long every() default 1;

    /**
     * How many calls are delayed at most.
     *
     * @return the limit; {@code Long.MAX_VALUE} for none
     */
    long times() default Long.MAX_VALUE;

    /**
     * When the fault's window opens on the stack's clock, from the test's start ({@code 10s}, {@code 250ms},
     * {@code PT1M}); empty from the start.
     *
     * @return the window's start
     */
    String from() default "";

    /**
     * When the window closes (exclusive), from the test's start; empty for never. Not with {@link #duration()}.
     *
     * @return the window's end
     */
    String until() default "";

    /**
     * How long the window stays open after {@link #from()}; empty for ever. Not with {@link #until()}.
     *
     * @return the window's length
     */
    String duration() default "";

    /** Holds repeated {@link Latency}s. */
    @API(status = EXPERIMENTAL, since = "0.2")
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @interface List {

        /**
         * The Latency annotations.
         *
         * @return them
         */
        Latency[] value();
    }
}
