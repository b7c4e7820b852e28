package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.ThrottleFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Answers matching calls with the service's own throttling error (SQS {@code ThrottlingException}-style codes,
 * DynamoDB {@code ThrottlingException}, S3 {@code SlowDown}, Lambda {@code TooManyRequestsException}, ...), as
 * AWS does when a limit is hit, so the SDK's retries and back-off are what the test exercises.
 *
 * <pre>{@code
 * @Throttle(service = "dynamodb", operation = "PutItem", resource = "orders", times = 2)
 * @Throttle(service = "sqs", operation = "SendMessage", every = 3, from = "10s", duration = "30s")
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(Throttle.List.class)
@DeclaresFaults(ThrottleFaults.class)
public @interface Throttle {

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
     * The chance that an eligible call is throttled, in (0, 1].
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
     * Of the eligible calls, only every {@code every}th is throttled (1: each).
     *
     * @return the period
     */
    long every() default 1;

    /**
     * How many calls are throttled at most.
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

    /** Holds repeated {@link Throttle}s. */
    @API(status = EXPERIMENTAL, since = "0.2")
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @interface List {

        /**
         * The throttles.
         *
         * @return the throttles
         */
        Throttle[] value();
    }
}
