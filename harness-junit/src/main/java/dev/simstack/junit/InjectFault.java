package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.InjectFaultFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Answers matching calls with an AWS error (the service's own {@code throttle}, {@code internal} or
 * {@code unavailable} error, or any code and status) or breaks them below HTTP ({@code wire}: {@code reset},
 * {@code drop}, {@code truncate}), optionally after a delay, so the SDK's retries, back-off and timeouts are what
 * the test exercises.
 *
 * <pre>{@code
 * @InjectFault(service = "dynamodb", operation = "PutItem", error = "internal", times = 2)
 * @InjectFault(service = "sqs", error = "KmsThrottled", status = 400, message = "KMS throttled")
 * @InjectFault(service = "dynamodb", operation = "GetItem", wire = "reset", probability = 0.2)
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(InjectFault.List.class)
@DeclaresFaults(InjectFaultFaults.class)
public @interface InjectFault {

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
     * The error: {@code throttle}, {@code internal} or {@code unavailable} (the service's own), or an AWS error
     * code (then give {@link #status()}); empty for a wire fault only.
     *
     * @return the error
     */
    String error() default "";

    /**
     * The HTTP status of an error given by its code (400-599).
     *
     * @return the status; 0 with a named error
     */
    int status() default 0;

    /**
     * The message of an error given by its code; empty to use the code.
     *
     * @return the message
     */
    String message() default "";

    /**
     * A fault below HTTP: {@code reset} (connection reset before an answer), {@code drop} (no answer until the
     * client times out) or {@code truncate} (the answer cut mid-body); empty for none.
     *
     * @return the wire fault
     */
    String wire() default "";

    /**
     * A delay before the fault, as {@link Latency#value()} writes it; empty for none.
     *
     * @return the delay
     */
    String latency() default "";

    /**
     * The chance that an eligible call is faulted, in (0, 1].
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
     * Of the eligible calls, only every {@code every}th is faulted (1: each).
     *
     * @return the period
     */
    long every() default 1;

    /**
     * How many calls are faulted at most.
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

    /** Holds repeated {@link InjectFault}s. */
    @API(status = EXPERIMENTAL, since = "0.2")
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @interface List {

        /**
         * The InjectFault annotations.
         *
         * @return them
         */
        InjectFault[] value();
    }
}
